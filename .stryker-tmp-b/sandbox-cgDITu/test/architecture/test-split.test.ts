// @ts-nocheck
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers } from '../helpers/imports.js';

/**
 * `npm run test:unit` runs every test file but `*.int.test.ts` (vitest.config.ts). This keeps the
 * names honest: a file that starts a Newman run, a browser or a child process, itself or through a
 * test helper, must be named `*.int.test.ts`, and one that starts none must not.
 */
const INTEGRATION_MARKERS: [string, RegExp][] = [
  ['a Newman run', /\b(?:runSuite|runLocalSuite|runNewman|testCommand|startCommand)\(|\bnewman\.run\(|from 'newman'/],
  ['a browser', /from 'playwright-core'|\bchromium\.launch\(/],
  ['a child process', /from 'node:child_process'|\b(?:spawn|spawnSync|execFile|execFileSync|fork)\(|\brunCli\(/],
];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'fixtures' ? [] : files(join(dir, e.name))) : [join(dir, e.name)],
  );

/** The file's text and that of every test helper it imports, transitively (not src/: it only defines). */
function textWithHelpers(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const helpers = importSpecifiers(source)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'))
    .filter((path) => path.startsWith(resolve('test')) && existsSync(path));
  return [source, ...helpers.map((h) => textWithHelpers(h, seen))].join('\n');
}

const starts = (file: string): string[] =>
  INTEGRATION_MARKERS.filter(([, marker]) => marker.test(textWithHelpers(resolve(file)))).map(([what]) => what);

/** This file names the markers, so it is left out. */
const testFiles = files('test')
  .filter((f) => f.endsWith('.test.ts') && !f.endsWith('test-split.test.ts'))
  .map((f) => relative('.', f).split('\\').join('/'));

describe('the unit / integration split', () => {
  it('finds the test files', () => {
    expect(testFiles.filter((f) => f.endsWith('.int.test.ts')).length).toBeGreaterThan(5);
    expect(testFiles.filter((f) => !f.endsWith('.int.test.ts')).length).toBeGreaterThan(20);
  });

  it.each(testFiles)('%s is named for what it starts', (file) => {
    const what = starts(file);
    if (file.endsWith('.int.test.ts')) expect(what, `${file} starts nothing: name it *.test.ts`).not.toEqual([]);
    else expect(what, `${file} starts ${what.join(', ')}: name it *.int.test.ts`).toEqual([]);
  });

  it('sees a child process through a helper', () => {
    expect(starts('test/cli/help.int.test.ts')).toContain('a child process');
    expect(starts('test/io/write-files.test.ts')).toEqual([]);
  });
});
