import { describe, expect, it } from 'vitest';
import { assignShards, parseShard } from '../../../src/run/runners/shard.js';

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
