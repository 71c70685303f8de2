import { describe, expect, it } from 'vitest';
import { assignShards, parseShard, shardCollection } from '../../../src/run/runners/shard.js';

// Which shard runs a folder must not depend on how the folders are listed, and shards past 9 exist.
// Written against the survivors of `MUTATE_UNIT=1 npm run mutate -- --mutate src/run/runners/shard.ts`.
describe('--shard I/N with numbers of more than one digit', () => {
  it.each([
    ['12/20', { index: 12, count: 20 }],
    ['1/12', { index: 1, count: 12 }],
    ['10/10', { index: 10, count: 10 }],
  ])('%s', (value, want) => {
    expect(parseShard(value)).toEqual(want);
  });
});

describe('a folder runs on the same shard however the folders are listed', () => {
  const keys = Array.from({ length: 40 }, (_, i) => `folder-${i}`);
  it.each([[2], [3], [7]])('%s shards: listed forwards, backwards and shuffled', (count) => {
    const forwards = assignShards(keys, count);
    const backwards = assignShards([...keys].reverse(), count);
    const shuffled = assignShards(keys.filter((_, i) => i % 2 === 1).concat(keys.filter((_, i) => i % 2 === 0)), count);
    const asObject = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(asObject(backwards)).toEqual(asObject(forwards));
    expect(asObject(shuffled)).toEqual(asObject(forwards));
  });
});

describe('a Security item that names no folder runs once, on shard 1', () => {
  const request = (name: string) => ({ name, request: { method: 'GET', url: `{{baseUrl}}/${name}` } });
  const collection = {
    item: [
      { name: 'Token', item: [request('token')] },
      ...['Alpha', 'Beta', 'Gamma', 'Delta'].map((name) => ({ name, item: [request(name.toLowerCase())] })),
      { name: 'Security', item: [request('Alpha: 401 without a token'), request('A stray check')] },
    ],
  };
  const security = (part: { item?: unknown[] }) =>
    ((part.item ?? []) as Array<{ name?: string; item?: Array<{ name?: string }> }>)
      .find((f) => f.name === 'Security')
      ?.item?.map((i) => i.name);

  it.each([[1], [2], [3], [4]])('%s shards: the stray check is on shard 1 alone', (count) => {
    const parts = Array.from({ length: count }, (_, i) => shardCollection(collection, { index: i + 1, count }));
    const stray = parts.map((part) => (security(part) ?? []).includes('A stray check'));
    expect(stray).toEqual(parts.map((_, i) => i === 0));
    const alphaShard = parts.findIndex((part) => part.item?.some((f) => (f as { name?: string }).name === 'Alpha'));
    parts.forEach((part, i) => {
      expect((security(part) ?? []).includes('Alpha: 401 without a token')).toBe(i === alphaShard);
    });
  });
});
