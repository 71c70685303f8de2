// @ts-nocheck
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticSpec } from '../../../scripts/synthetic-spec.mjs';
import { validateSpec, type ApiDescription } from '../../../src/description/index.js';
import { ERROR_CODES, UserError } from '../../../src/errors.js';
import { buildCollection } from '../../../src/generate/index.js';
import { folderUnits, type CollectionJson, type ItemJson } from '../../../src/run/runners/folders.js';
import { assignShards, parseShard, shardCollection, shardUnits } from '../../../src/run/runners/shard.js';
import { loadDefault } from '../../helpers/specs.js';

const synthetic = (requests: number): ApiDescription => {
  const result = validateSpec(syntheticSpec(requests), 'synthetic.yaml');
  if (!result.spec) throw new Error(JSON.stringify(result.problems));
  return result.spec;
};

const items = (c: CollectionJson): ItemJson[] => (c.item ?? []) as ItemJson[];
const folderNames = (c: CollectionJson): string[] => items(c).map((f) => f.name ?? '');
const securityNames = (c: CollectionJson): string[] =>
  (items(c).find((f) => f.name === 'Security')?.item ?? []).map((i) => i.name ?? '');

describe('parseShard', () => {
  it.each<[string, { index: number; count: number }]>([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('%s', (given, want) => {
    expect(parseShard(given)).toEqual(want);
  });

  it.each(['0/3', '4/3', '1/0', '1', '1/2/3', 'a/b', '-1/2', ''])('"%s" → UserError OPTION_INVALID', (given) => {
    let error: unknown;
    try {
      parseShard(given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(ERROR_CODES.OPTION_INVALID);
    expect((error as UserError).message).toBe(
      `--shard: "${given}" is not I/N with 1 ≤ I ≤ N (e.g. --shard 1/3, --shard 2/3, --shard 3/3)`,
    );
  });
});

describe('shards of a collection', () => {
  let collections: Array<[string, CollectionJson]>;
  beforeAll(async () => {
    collections = [
      ['the default description', buildCollection(await loadDefault()).collection as CollectionJson],
      ['a synthetic description of 300 requests', buildCollection(synthetic(300)).collection as CollectionJson],
    ];
  });

  it('every folder and every Security check runs on exactly one shard, for 1 to 6 shards', () => {
    for (const [name, collection] of collections) {
      const folders = folderNames(collection).filter((f) => f !== 'Security' && f !== 'Token');
      const security = securityNames(collection);
      expect(security.length, name).toBeGreaterThan(0);
      for (let count = 1; count <= 6; count++) {
        const parts = Array.from({ length: count }, (_, i) => shardCollection(collection, { index: i + 1, count }));
        const ran = parts.flatMap((p) => folderNames(p).filter((f) => f !== 'Security' && f !== 'Token'));
        // Each shard gets its own token: the Token folder runs on every shard.
        for (const part of parts) expect(folderNames(part), `${name}, ${count} shards`).toContain('Token');
        expect([...ran].sort(), `${name}, ${count} shards`).toEqual([...folders].sort());
        expect(parts.flatMap(securityNames).sort(), `${name}, ${count} shards`).toEqual([...security].sort());
      }
    }
  });

  it("a folder's Security checks run on the shard that runs the folder", () => {
    const [, collection] = collections[1]!;
    for (let index = 1; index <= 4; index++) {
      const part = shardCollection(collection, { index, count: 4 });
      const folders = folderNames(part).filter((f) => f !== 'Security');
      for (const check of securityNames(part)) {
        expect(
          folders.some((f) => check.startsWith(`${f}: `)),
          check,
        ).toBe(true);
      }
    }
  });

  it('keeps folders that share a captured variable together (Export uses Employees’ employeeId)', () => {
    const [, collection] = collections[0]!;
    const unit = folderUnits(collection).find((u) => u.folders.includes('Export'));
    expect(unit?.folders).toEqual(expect.arrayContaining(['Employees', 'Accounting entries', 'Export']));
    for (let index = 1; index <= 3; index++) {
      const names = shardUnits(collection, { index, count: 3 }).flatMap((u) => u.folders);
      if (names.includes('Export')) expect(names).toEqual(expect.arrayContaining(['Employees', 'Accounting entries']));
    }
  });

  it('keeps the rest of the collection: auth, scripts, variables, the folders’ own order', () => {
    const [, collection] = collections[0]!;
    const part = shardCollection(collection, { index: 1, count: 2 });
    expect(part.auth).toEqual(collection.auth);
    expect(part.event).toEqual(collection.event);
    expect(part.variable).toEqual(collection.variable);
    const order = folderNames(collection);
    const kept = folderNames(part);
    expect(kept).toEqual(order.filter((f) => kept.includes(f)));
  });

  it('the partition is stable: the same on every call, whatever the order of the folders', () => {
    const [, collection] = collections[1]!;
    const reversed = { ...collection, item: [...items(collection)].reverse() };
    for (let index = 1; index <= 3; index++) {
      const a = folderNames(shardCollection(collection, { index, count: 3 })).sort();
      const b = folderNames(shardCollection(reversed, { index, count: 3 })).sort();
      expect(a).toEqual(b);
    }
  });
});

describe('assignShards', () => {
  const keys = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed} folder ${i}`);

  it('adding a folder moves at most 2 others, 0.5 on average (modulo hashing would move about 3/4 of them)', () => {
    let moved = 0;
    for (let trial = 0; trial < 100; trial++) {
      const before = keys(20, `trial ${trial}`);
      const a = assignShards(before, 4);
      const b = assignShards([...before, `trial ${trial} new folder`], 4);
      const moves = before.filter((k) => a.get(k) !== b.get(k)).length;
      expect(moves).toBeLessThanOrEqual(2);
      moved += moves;
    }
    expect(moved / 100).toBeLessThan(0.5);
  });

  it('removing a folder moves at most 3 others, under 1 on average', () => {
    let moved = 0;
    for (let trial = 0; trial < 100; trial++) {
      const before = keys(20, `removal ${trial}`);
      const a = assignShards(before, 4);
      const after = before.slice(1);
      const b = assignShards(after, 4);
      const moves = after.filter((k) => a.get(k) !== b.get(k)).length;
      expect(moves).toBeLessThanOrEqual(3);
      moved += moves;
    }
    expect(moved / 100).toBeLessThan(1);
  });

  it('keeps shards even: no shard holds more than ⌈1.25 · folders / shards⌉', () => {
    for (const [n, count] of [
      [8, 2],
      [8, 4],
      [50, 4],
      [50, 8],
    ] as const) {
      const loads = new Map<number, number>();
      for (const shard of assignShards(keys(n, `load ${n}`), count).values())
        loads.set(shard, (loads.get(shard) ?? 0) + 1);
      expect(Math.max(...loads.values())).toBeLessThanOrEqual(Math.ceil((1.25 * n) / count));
      expect([...loads.keys()].every((s) => s >= 1 && s <= count)).toBe(true);
    }
  });

  it('gives one shard everything when there is one shard', () => {
    expect([...assignShards(keys(5, 'one'), 1).values()]).toEqual([1, 1, 1, 1, 1]);
  });
});
