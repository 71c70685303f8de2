import { spawn } from 'node:child_process';
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

it('issue 8 item 10: the committed collection and local environment run with plain `newman run` against a mock on another port, changing authServerUrl alone', async () => {
  const { status, output } = await newman([
    'run',
    'collections/pleo-api.postman_collection.json',
    '-e',
    'environments/pleo-local.postman_environment.json',
    '--env-var',
    `authServerUrl=${mock.url}`,
    '--reporters',
    'cli',
    '--color',
    'off',
  ]);
  expect(output).toMatch(/│\s+requests │\s+57 │\s+0 │/);
  expect(output).toMatch(/│\s+assertions │\s+\d+ │\s+0 │/);
  expect(output).toContain('token: authorization code with PKCE S256 → access token');
  expect(status).toBe(0);
}, 60_000);
