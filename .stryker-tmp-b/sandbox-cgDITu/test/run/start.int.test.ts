// @ts-nocheck
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommand } from '../../src/commands/start.js';
import { generateFiles } from '../../src/generate/index.js';
import { staleFiles } from '../../src/io/write-files.js';
import type { ApiDescription } from '../../src/description/index.js';
import { DEFAULT_SPEC, loadDefault } from '../helpers/specs.js';
import { captureOutput } from './helpers/output.js';

/** `npm start`, the README's main job: the whole default description against the mock, zero failures. */
describe('start', () => {
  let spec: ApiDescription;
  let dir: string;
  let code: number;
  let output: string;
  beforeAll(async () => {
    spec = await loadDefault();
    dir = await mkdtemp(join(tmpdir(), 'pleo-start-'));
    const capture = captureOutput();
    try {
      code = await startCommand({ spec: DEFAULT_SPEC, reportDir: join(dir, 'reports'), out: dir }, capture.io);
    } finally {
      capture.restore();
      output = capture.text();
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 and prints the summary line', () => {
    expect(code, output.slice(-3000)).toBe(0);
    expect(output).toMatch(
      /pleo-postman test: \d+ requests, \d+ assertions: \d+ passed, 0 failed(, \d+ skipped)? in [\d.]+ s: passed/,
    );
  });

  it('generates the stale files first', async () => {
    expect(output).toContain(`generated ${join(dir, 'collections', 'pleo-api.postman_collection.json')}`);
    expect(await staleFiles(dir, generateFiles(spec).files)).toEqual([]);
  });

  it('runs every request of the description and the security folder, and says where the reports are', async () => {
    expect((await readdir(join(dir, 'reports'))).sort()).toEqual([
      'pleo-postman-local-junit.xml',
      'pleo-postman-local.html',
    ]);
    expect(output).toContain(`open ${join(dir, 'reports', 'pleo-postman-local.html')}`);
    const junit = await readFile(join(dir, 'reports', 'pleo-postman-local-junit.xml'), 'utf8');
    const suites = [...junit.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    for (const folder of spec.folders) {
      for (const request of folder.requests) expect(suites).toContain(`${folder.name} / ${request.name}`);
      expect(suites).toContain(`Security / ${folder.name}: no token → 401`);
    }
    expect(junit).not.toMatch(/<failure/);
  });
});
