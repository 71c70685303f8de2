import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock } from '../../src/mock/index.js';
import { loadDefault } from '../helpers/specs.js';

const NEWMAN = resolve('node_modules/newman/bin/newman.js');

function newman(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [NEWMAN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (status) => done({ status, output }));
  });
}

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock({ spec: await loadDefault(), port: 0, autoApprove: true });
});
afterAll(() => mock?.close());

it('the committed collection and local environment run with plain `newman run`, no wrapper', async () => {
  const { status, output } = await newman([
    'run',
    'collections/pleo-api.postman_collection.json',
    '-e',
    'environments/pleo-local.postman_environment.json',
    '--env-var',
    `authServerUrl=${mock.url}`,
    '--env-var',
    `apiBaseUrl=${mock.url}`,
    '--env-var',
    `redirectUri=${mock.url}/callback`,
    '--reporters',
    'cli',
    '--color',
    'off',
  ]);
  // Every item of the collection is sent (token and narrowed-token requests come on top), none fails.
  type Item = { item?: Item[] };
  const count = (items: Item[]): number => items.reduce((n, i) => n + (i.item ? count(i.item) : 1), 0);
  const collection = JSON.parse(readFileSync('collections/pleo-api.postman_collection.json', 'utf8')) as Item;
  const sent = /│\s+requests │\s+(\d+) │\s+0 │/.exec(output);
  expect(sent, 'requests row with 0 failed').not.toBeNull();
  expect(Number(sent?.[1])).toBeGreaterThanOrEqual(count(collection.item ?? []));
  expect(output).toMatch(/│\s+assertions │\s+\d+ │\s+0 │/);
  expect(output).toContain('token: authorization code with PKCE S256 → access token');
  expect(status).toBe(0);
}, 60_000);
