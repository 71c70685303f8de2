import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../../src/description/index.js';
import { assertWritableFile } from '../../../src/run/target/file-checks.js';
import { environmentValue, resolveTarget } from '../../../src/run/target/target.js';
import { withoutWrites } from '../../../src/run/target/writes.js';
import { loadMinimal } from '../../helpers/specs.js';
import { tempDir } from '../../helpers/temp.js';

/** What a run is pointed at: production is recognised, and its writes are left out unless allowed. */
let spec: ApiDescription;
const dir = tempDir('pleo-target-');
beforeAll(async () => {
  spec = await loadMinimal();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
function madeDir(name: string): string {
  mkdirSync(join(dir, name), { recursive: true });
  return join(dir, name);
}

const envFile = (name: string, values: Record<string, string>) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ values: Object.entries(values).map(([key, value]) => ({ key, value })) }));
  return path;
};

describe('resolveTarget', () => {
  it('local is the embedded mock', async () => {
    expect(await resolveTarget(spec, 'local')).toEqual({ kind: 'local' });
  });

  it.each([
    ['staging', false],
    ['production', true],
  ])('%s is remote; production: %s; neither redirects to loopback', async (env, production) => {
    expect(await resolveTarget(spec, env)).toMatchObject({ kind: 'remote', label: env, production, loopback: false });
  });

  it.each([
    ['production’s API base URL', { apiBaseUrl: 'https://external.pleo.io' }, true],
    ['it with trailing slashes', { apiBaseUrl: 'https://external.pleo.io//' }, true],
    ['another host', { apiBaseUrl: 'https://external.staging.pleo.io' }, false],
    ['a host that only starts like production’s', { apiBaseUrl: 'https://external.pleo.io.example' }, false],
    ['no API base URL', {}, false],
  ])('an environment file with %s is production: %s', async (_name, values, production) => {
    const target = await resolveTarget(spec, envFile(`p-${Math.random()}.json`, values));
    expect(target).toMatchObject({ kind: 'remote', production });
  });

  it.each([
    ['a loopback redirect URI', { redirectUri: 'http://127.0.0.1:9/callback' }, true],
    ['a web redirect URI', { redirectUri: 'https://app.example/cb', authServerUrl: 'http://127.0.0.1:9' }, false],
    ['no redirect URI but a loopback auth server', { authServerUrl: 'http://127.0.0.1:9' }, true],
    ['nothing', {}, false],
  ])('an environment file with %s is loopback: %s', async (_name, values, loopback) => {
    expect(await resolveTarget(spec, envFile(`l-${Math.random()}.json`, values))).toMatchObject({ loopback });
  });

  it('an environment file is named by its path and keeps its values', async () => {
    const path = envFile('named.json', { apiBaseUrl: 'https://x.example' });
    const target = await resolveTarget(spec, path);
    expect(target).toMatchObject({ kind: 'remote', label: path });
    if (target.kind === 'remote') expect(environmentValue(target.environment, 'apiBaseUrl')).toBe('https://x.example');
  });

  it.each([
    [
      'a file that does not exist',
      () => join(dir, 'missing.json'),
      'is not local, staging, production or a readable environment file (ENOENT)',
    ],
    ['a file that is not JSON', () => written('bad.json', '{'), 'is not a Postman environment file ('],
    ['JSON without values', () => written('nov.json', '{}'), 'is not a Postman environment file (no "values" array)'],
  ])('--env with %s is a UserError naming it', async (_name, make, message) => {
    const path = make();
    await expect(resolveTarget(spec, path)).rejects.toMatchObject({
      code: 'OPTION_INVALID',
      message: expect.stringContaining(`--env: "${path}" ${message}`),
    });
  });

  it('environmentValue is the value as text, or empty', () => {
    const environment = {
      values: [
        { key: 'a', value: 1 },
        { key: 'b', value: 'x' },
      ],
    };
    expect([
      environmentValue(environment, 'a'),
      environmentValue(environment, 'b'),
      environmentValue(environment, 'c'),
    ]).toEqual(['1', 'x', '']);
  });
});

describe('withoutWrites: production writes are left out and listed', () => {
  const collection = {
    info: { name: 'c' },
    item: [
      {
        name: 'Vendors',
        item: [
          { name: 'List', request: { method: 'GET', url: { path: ['v1', 'vendors'] } } },
          { name: 'Create', request: { method: 'post', url: { path: ['v1', 'vendors'] } } },
          { name: 'Search', request: { method: 'POST', url: { path: ['v1', 'vendors:search'] } } },
        ],
      },
      { name: 'Writes only', item: [{ name: 'Delete', request: { method: 'DELETE', url: '{{apiBaseUrl}}/v1/x/1' } }] },
      { name: 'Raw URL', request: { method: 'PUT', url: 'https://external.pleo.io/v1/y?z=1' } },
      { name: 'No request' },
    ],
  };

  it('keeps reads and :search, drops writes and the folders they empty, and says what it dropped', () => {
    const { collection: kept, skipped } = withoutWrites(collection);
    expect(kept.info).toEqual({ name: 'c' });
    expect(JSON.stringify(kept.item)).toBe(
      JSON.stringify([
        { name: 'Vendors', item: [collection.item[0]?.item?.[0], collection.item[0]?.item?.[2]] },
        { name: 'No request' },
      ]),
    );
    expect(skipped).toEqual([
      { folder: 'Vendors', name: 'Create', method: 'POST', path: '/v1/vendors' },
      { folder: 'Writes only', name: 'Delete', method: 'DELETE', path: '/v1/x/1' },
      { folder: '', name: 'Raw URL', method: 'PUT', path: '/v1/y?z=1' },
    ]);
    expect(collection.item).toHaveLength(4);
  });

  it('a collection without items is left empty', () => {
    expect(withoutWrites({})).toEqual({ collection: { item: [] }, skipped: [] });
  });
});

describe('assertWritableFile', () => {
  it('accepts a new file in an existing folder, and an existing file', async () => {
    await expect(assertWritableFile(join(dir, 'new.txt'), '--report')).resolves.toBeUndefined();
    writeFileSync(join(dir, 'old.txt'), '');
    await expect(assertWritableFile(join(dir, 'old.txt'), '--report')).resolves.toBeUndefined();
  });

  it.each([
    [
      'a folder that does not exist',
      () => join(dir, 'nope', 'f'),
      (p: string) =>
        `--report "${p}": its directory ${join(dir, 'nope')} does not exist (ENOENT); create it first or name a file in an existing directory`,
    ],
    [
      'a folder that is a file',
      () => join(written('afile', ''), 'f'),
      (p: string) => `--report "${p}": ${join(dir, 'afile')} is not a directory`,
    ],
    ['a file that is a folder', () => madeDir('afolder'), (p: string) => `--report "${p}" is a directory; name a file`],
  ])('refuses %s, naming the option', async (_name, make, message) => {
    const path = make();
    await expect(assertWritableFile(path, '--report')).rejects.toMatchObject({
      code: 'OPTION_INVALID',
      message: message(path),
    });
  });
});
