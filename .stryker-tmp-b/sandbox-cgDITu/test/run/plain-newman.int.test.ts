// @ts-nocheck
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock } from '../../src/mock/index.js';
import { loadDefault } from '../helpers/specs.js';
import { tempDir } from '../helpers/temp.js';

const NEWMAN = resolve('node_modules/newman/bin/newman.js');
const COLLECTION = 'collections/pleo-api.postman_collection.json';

interface Item {
  id: string;
  name: string;
  request?: unknown;
  item?: Item[];
  event?: { listen: string }[];
}

/** The request items of the committed collection, in run order. */
const requestItems = (node: Item): Item[] => [
  ...(node.request ? [node] : []),
  ...(node.item ?? []).flatMap(requestItems),
];

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
  const items = requestItems(JSON.parse(readFileSync(COLLECTION, 'utf8')) as Item);
  // Besides the items, one request is a script's: the Token item's pre-request script sends the
  // authorisation request (pm.sendRequest) whose code the item then exchanges itself.
  const expectedRequests = items.length + 1;
  const report = join(tempDir('pleo-plain-newman-'), 'run.json');
  const { status, output } = await newman([
    'run',
    COLLECTION,
    '-e',
    'environments/pleo-local.postman_environment.json',
    '--env-var',
    `authServerUrl=${mock.url}`,
    '--reporters',
    'cli,json',
    '--reporter-json-export',
    report,
    '--color',
    'off',
  ]);
  const run = JSON.parse(readFileSync(report, 'utf8')).run;
  // Newman lists a script's pm.sendRequest calls as executions of the item that sent them.
  const executed = run.executions.map((e: { item: { id: string } }) => e.item.id);
  expect([...new Set(executed)]).toEqual(items.map((i) => i.id));
  expect(executed).toHaveLength(expectedRequests);
  expect(run.stats.requests).toMatchObject({ total: expectedRequests, failed: 0 });
  expect(output).toMatch(new RegExp(`│\\s+requests │\\s+${expectedRequests} │\\s+0 │`));
  expect(output).toMatch(/│\s+assertions │\s+\d+ │\s+0 │/);
  expect(output).toContain('token: authorization code with PKCE S256 → access token');
  expect(status).toBe(0);
}, 60_000);
