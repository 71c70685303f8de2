// @ts-nocheck
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { changedFileLines } from '../../src/commands/written-lines.js';

const folder = join('out', 'postman/collections/Pleo API');

it('names each changed file, and counts a v3 folder of many changed files in one line', () => {
  const many = Array.from({ length: 6 }, (_, i) => join(folder, `R${i}.request.yaml`));
  const paths = [join('out', 'collections/pleo-api.postman_collection.json'), ...many];
  expect(changedFileLines('wrote', 'out', paths, ['postman/collections/Pleo API'])).toEqual([
    `wrote ${join('out', 'collections/pleo-api.postman_collection.json')}`,
    `wrote 6 files in ${folder}/`,
  ]);
});

it('lists a v3 folder file by file while it changed in a few files only', () => {
  const few = [join(folder, 'A.request.yaml'), join(folder, 'B.request.yaml')];
  expect(changedFileLines('removed', 'out', few, ['postman/collections/Pleo API'])).toEqual(
    few.map((p) => `removed ${p}`),
  );
});
