// @ts-nocheck
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { staleFiles, writeFilesAtomically } from '../../src/io/write-files.js';
import { tempDir } from '../helpers/temp.js';

it('writes all files or none: a failure while staging leaves existing outputs untouched and no temp files', async () => {
  const out = tempDir();
  mkdirSync(join(out, 'collections'));
  writeFileSync(join(out, 'collections/a.json'), 'old a');
  writeFileSync(join(out, 'blocker'), 'a file where a directory is needed');
  const files = [
    { path: 'collections/a.json', content: 'new a' },
    { path: 'blocker/b.json', content: 'new b' },
  ];
  await expect(writeFilesAtomically(out, files)).rejects.toThrow(/ENOTDIR|EEXIST/);
  expect(readFileSync(join(out, 'collections/a.json'), 'utf8')).toBe('old a');
  expect(readdirSync(join(out, 'collections'))).toEqual(['a.json']);
});

it('replaces every file when all are staged, and staleFiles then finds none', async () => {
  const out = tempDir();
  const files = [
    { path: 'collections/a.json', content: 'a' },
    { path: 'environments/b.json', content: 'b' },
  ];
  expect(await staleFiles(out, files)).toEqual([join(out, 'collections/a.json'), join(out, 'environments/b.json')]);
  await writeFilesAtomically(out, files);
  expect(await staleFiles(out, files)).toEqual([]);
});

it('leaves files that are already up to date untouched and returns only the ones it replaced', async () => {
  const out = tempDir();
  const files = [
    { path: 'collections/a.json', content: 'a' },
    { path: 'postman/x/b.yaml', content: 'b' },
  ];
  await writeFilesAtomically(out, files);
  const before = statSync(join(out, 'collections/a.json'));
  const changed = [files[0] as (typeof files)[0], { path: 'postman/x/b.yaml', content: 'b2' }];
  expect(await writeFilesAtomically(out, changed)).toEqual([join(out, 'postman/x/b.yaml')]);
  const after = statSync(join(out, 'collections/a.json'));
  expect(after.ino).toBe(before.ino);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(readFileSync(join(out, 'postman/x/b.yaml'), 'utf8')).toBe('b2');
  expect(await writeFilesAtomically(out, changed)).toEqual([]);
  expect(readdirSync(join(out, 'postman/x'))).toEqual(['b.yaml']);
});

it('replaces a file whose new content has the same size but other bytes', async () => {
  const out = tempDir();
  await writeFilesAtomically(out, [{ path: 'a.json', content: 'ab' }]);
  expect(await staleFiles(out, [{ path: 'a.json', content: 'ba' }])).toEqual([join(out, 'a.json')]);
  expect(await writeFilesAtomically(out, [{ path: 'a.json', content: 'ba' }])).toEqual([join(out, 'a.json')]);
  expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('ba');
});
