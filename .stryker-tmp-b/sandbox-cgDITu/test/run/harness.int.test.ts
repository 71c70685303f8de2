// @ts-nocheck
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/json.js';
import { UserError } from '../../src/errors.js';
import {
  formatSummaryLine,
  parseReporters,
  resolveCredentials,
  resolveTarget,
  runSuite,
  withoutWrites,
  type RunSummary,
} from '../../src/run/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import { loadMinimal } from '../helpers/specs.js';

let dir: string;
let spec: ApiDescription;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pleo-harness-'));
  spec = await loadMinimal();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('parseReporters', () => {
  it.each([
    ['cli', ['cli']],
    ['cli,junit, htmlextra,json', ['cli', 'junit', 'htmlextra', 'json']],
    ['html,junit', ['html', 'junit']],
    ['junit,junit', ['junit']],
  ])('%s', (given, want) => {
    expect(parseReporters(given)).toEqual(want);
  });

  it('names the allowed reporters', () => {
    expect(() => parseReporters('cli,teamcity')).toThrow(
      '--reporters: unknown reporter "teamcity"; choose from cli, junit, html, htmlextra, json',
    );
  });
});

describe('withoutWrites', () => {
  const item = (name: string, method: string, path: string[]) => ({
    name,
    request: { method, url: { host: ['{{apiBaseUrl}}'], path } },
  });
  it('leaves out writes, keeps reads and searches, drops folders left empty, lists what it skipped', () => {
    const collection = {
      info: { name: 'x' },
      item: [
        {
          name: 'Vendors',
          item: [
            item('Create', 'POST', ['v1', 'vendors']),
            item('Search', 'POST', ['v1', 'vendors:search']),
            item('Get', 'GET', ['v1', 'vendors', ':id']),
          ],
        },
        { name: 'Deletes', item: [item('Delete', 'DELETE', ['v1', 'x', ':id'])] },
      ],
    };
    const { collection: kept, skipped } = withoutWrites(collection);
    expect(kept.item.map((f: Json) => [f.name, f.item.map((i: Json) => i.name)])).toEqual([
      ['Vendors', ['Search', 'Get']],
    ]);
    expect(skipped).toEqual([
      { folder: 'Vendors', name: 'Create', method: 'POST', path: '/v1/vendors' },
      { folder: 'Deletes', name: 'Delete', method: 'DELETE', path: '/v1/x/:id' },
    ]);
    expect(collection.item).toHaveLength(2);
  });
});

describe('resolveCredentials', () => {
  it.each([
    [
      'all from the process environment',
      { PLEO_CLIENT_ID: 'id', PLEO_CLIENT_SECRET: 's', PLEO_REFRESH_TOKEN: 'r' },
      {},
      { clientId: 'id', clientSecret: 's', refreshToken: 'r' },
    ],
    [
      'the refresh token from the token file',
      { PLEO_CLIENT_ID: 'id', PLEO_CLIENT_SECRET: 's' },
      { storedRefreshToken: 'r2\n' },
      { clientId: 'id', clientSecret: 's', refreshToken: 'r2' },
    ],
    [
      'the variable wins over the file',
      { PLEO_CLIENT_ID: 'id', PLEO_CLIENT_SECRET: 's', PLEO_REFRESH_TOKEN: 'r' },
      { storedRefreshToken: 'old' },
      { clientId: 'id', clientSecret: 's', refreshToken: 'r' },
    ],
    [
      'the environment file fills gaps',
      {},
      { fromEnvironmentFile: { clientId: 'fid', clientSecret: 'fs' }, refreshTokenOptional: true },
      { clientId: 'fid', clientSecret: 'fs', refreshToken: '' },
    ],
  ])('%s', (_name, env, sources, want) => {
    expect(resolveCredentials(env, sources)).toEqual(want);
  });

  it('throws a UserError with code CREDENTIALS_MISSING', () => {
    const error = (() => {
      try {
        resolveCredentials({ PLEO_CLIENT_SECRET: 's' });
      } catch (e) {
        return e as UserError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error!.code).toBe('CREDENTIALS_MISSING');
    expect(error!.message).toContain('set PLEO_CLIENT_ID, PLEO_REFRESH_TOKEN in the environment');
  });
});

describe('resolveTarget', () => {
  it.each([
    ['local', 'local', { kind: 'local' }],
    ['staging', 'staging', { kind: 'remote', label: 'staging', production: false, loopback: false }],
    ['production', 'production', { kind: 'remote', label: 'production', production: true, loopback: false }],
  ])('%s', async (_name, env, want) => {
    expect(await resolveTarget(spec, env)).toMatchObject(want);
  });

  it('reads an environment file; production when its apiBaseUrl is', async () => {
    const path = join(dir, 'prod.json');
    await writeFile(
      path,
      JSON.stringify({
        name: 'x',
        values: [
          { key: 'apiBaseUrl', value: 'https://external.pleo.io/' },
          { key: 'redirectUri', value: 'http://127.0.0.1:9/callback' },
        ],
      }),
    );
    expect(await resolveTarget(spec, path)).toMatchObject({ kind: 'remote', production: true, loopback: true });
  });

  it.each([
    [
      'a missing file',
      'nope.json',
      '--env: "nope.json" is not local, staging, production or a readable environment file (ENOENT)',
    ],
    ['not an environment', 'bad.json', /is not a Postman environment file \(no "values" array\)/],
  ])('%s is a UserError', async (_name, file, want) => {
    await writeFile(join(dir, 'bad.json'), '{"name":"x"}');
    const path = file === 'nope.json' ? file : join(dir, file);
    await expect(resolveTarget(spec, path)).rejects.toThrow(want);
  });
});

describe('formatSummaryLine', () => {
  const base: RunSummary = {
    ok: true,
    requests: { total: 57, failed: 0 },
    assertions: { total: 179, failed: 0, skipped: 0 },
    failures: [],
    durationMs: 1960,
    skippedWrites: [],
    reportFiles: [],
  };
  it.each([
    ['passed', base, '57 requests, 179 assertions: 179 passed, 0 failed in 2.0 s: passed'],
    [
      'failed',
      {
        ...base,
        ok: false,
        assertions: { total: 179, passed: 178, failed: 1, skipped: 0 },
        failures: [{ item: 'a', test: 'b', message: 'c' }],
      },
      '57 requests, 179 assertions: 178 passed, 1 failed in 2.0 s: FAILED',
    ],
    [
      'skipped',
      { ...base, assertions: { total: 3, passed: 2, failed: 0, skipped: 1 }, requests: { total: 1, failed: 0 } },
      '1 request, 3 assertions: 2 passed, 0 failed, 1 skipped in 2.0 s: passed',
    ],
    [
      'issue 8 item 1: a request without a response and script errors, as Newman’s table counts them',
      {
        ...base,
        ok: false,
        requests: { total: 8, failed: 1 },
        assertions: { total: 30, passed: 14, failed: 5, skipped: 11 },
        scriptErrors: 1,
      },
      '8 requests (1 failed), 30 assertions: 14 passed, 5 failed, 11 skipped, 1 script error in 2.0 s: FAILED',
    ],
    [
      'run error',
      { ...base, ok: false, runError: 'boom' },
      '57 requests, 179 assertions: 179 passed, 0 failed in 2.0 s: run error: boom',
    ],
  ])('%s', (_name, given, want) => {
    expect(formatSummaryLine(given)).toBe(want);
  });
});

describe('runSuite', () => {
  it('refuses an unknown --folder and names the folders', async () => {
    const collection = {
      info: { name: 'x' },
      item: [
        { name: 'Vendors', item: [] },
        { name: 'Security', item: [] },
      ],
    };
    await expect(
      runSuite({ collection, environment: { values: [] }, folders: ['Vendor'], reporters: [] }),
    ).rejects.toThrow('--folder: no folder or request named "Vendor"; the folders are "Vendors", "Security"');
  });

  it('writes no report and leaves no staging directory when Newman cannot run', async () => {
    const reportDir = join(dir, 'reports');
    await expect(
      runSuite({ collection: 'not json' as never, environment: { values: [] }, reporters: ['json'], reportDir }),
    ).rejects.toThrow();
    expect(await readdir(reportDir)).toEqual([]);
  });

  it('reports a run with failures as not ok, with the failure data', async () => {
    const collection = {
      info: { name: 'x' },
      item: [
        {
          name: 'one',
          request: { url: 'http://127.0.0.1:9/', method: 'GET' },
          event: [
            { listen: 'test', script: { exec: ['pm.test("a clause", function () { pm.expect.fail("why"); });'] } },
          ],
        },
      ],
    };
    const summary = await runSuite({
      collection,
      environment: { values: [] },
      reporters: ['json'],
      reportDir: join(dir, 'r2'),
      reportName: 'x',
    });
    expect(summary.ok).toBe(false);
    expect(summary.failures).toContainEqual({ item: 'one', test: 'a clause', message: 'why' });
    expect(summary.reportFiles).toEqual([join(dir, 'r2', 'x.json')]);
    expect(JSON.parse(await readFile(join(dir, 'r2', 'x.json'), 'utf8')).run.failures.length).toBeGreaterThan(0);
  });
});
