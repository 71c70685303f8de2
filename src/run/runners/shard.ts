import { createHash } from 'node:crypto';
import { ERROR_CODES, UserError } from '../../errors.js';
import { folderUnits, selectFolders, type CollectionJson, type FolderUnit } from './folders.js';

/** `--shard I/N`: this runner is shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `2/4` → `{ index: 2, count: 4 }`; a UserError unless 1 ≤ I ≤ N (which needs N ≥ 1). */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || index > count) {
    throw new UserError(
      `--shard: "${value}" is not I/N with 1 ≤ I ≤ N (e.g. --shard 1/3, --shard 2/3, --shard 3/3)`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
  return { index, count };
}

/** Rendezvous (highest random weight) score of a unit on a shard: a stable pseudo-random 48-bit number. */
function score(key: string, shard: number): number {
  return createHash('sha256').update(`${shard}\u0000${key}`).digest().readUIntBE(0, 6);
}

/** The shards in a unit's order of preference: highest score first. */
const preference = (key: string, count: number): number[] =>
  Array.from({ length: count }, (_, i) => i + 1).sort((a, b) => score(key, b) - score(key, a));

/**
 * Assigns each unit to a shard (1-based) by rendezvous hashing with bounded load: units are placed in
 * an order fixed by their own key (not by the collection), each on its most preferred shard that holds
 * fewer than ⌈1.25 · units / N⌉ units. A unit's shard depends on its name, not its position, so adding a
 * folder moves no other one unless it fills a shard another wanted; the bound keeps shards even. Pure.
 * @see [Thaler & Ravishankar, rendezvous hashing](https://en.wikipedia.org/wiki/Rendezvous_hashing)
 * @see [Mirrokni et al., consistent hashing with bounded loads](https://arxiv.org/abs/1608.01350)
 */
export function assignShards(keys: readonly string[], count: number): Map<string, number> {
  const capacity = Math.max(1, Math.ceil((1.25 * keys.length) / count));
  const load = new Map<number, number>();
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: the names decide only between two keys whose 48-bit scores collide
  const order = [...new Set(keys)].sort((a, b) => score(a, 0) - score(b, 0) || (a < b ? -1 : 1));
  const shards = new Map<string, number>();
  for (const key of order) {
    const shard = preference(key, count).find((s) => (load.get(s) ?? 0) < capacity) ?? 1;
    load.set(shard, (load.get(shard) ?? 0) + 1);
    shards.set(key, shard);
  }
  return shards;
}

/** The folders of shard `shard.index`, in collection order. */
export function shardUnits(
  collection: CollectionJson,
  shard: Shard,
  provided: ReadonlySet<string> = new Set(),
): FolderUnit[] {
  const units = folderUnits(collection, provided);
  const shards = assignShards(
    units.map((u) => u.key),
    shard.count,
  );
  return units.filter((u) => shards.get(u.key) === shard.index);
}

/**
 * The part of the collection that shard I of N runs: its folders, and the Security checks of those
 * folders (each folder's 401/403 checks run on the shard that runs the folder). Every folder runs on
 * exactly one shard. `provided`: the variables the environment sets (see `folderUnits`).
 */
export function shardCollection(
  collection: CollectionJson,
  shard: Shard,
  provided: ReadonlySet<string> = new Set(),
): CollectionJson {
  const folders = new Set(shardUnits(collection, shard, provided).flatMap((u) => u.folders));
  // A Security item that names no folder (not the generator's naming) runs on shard 1, so it still runs once.
  return selectFolders(collection, folders, (folder) =>
    folder === undefined ? shard.index === 1 : folders.has(folder),
  );
}
