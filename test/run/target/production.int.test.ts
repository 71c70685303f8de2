import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { UNKNOWN_UUID } from '../../../src/generate/negative/cases.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { resolveTarget, runNewman, runSuite } from '../../../src/run/index.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { loadMinimal } from '../../helpers/specs.js';
import { captureOutput } from '../helpers/output.js';
import { startRecordingProxy } from '../helpers/recording-proxy.js';

let spec: ApiDescription;
let mock: RunningMock;

beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

/** Runs the minimal suite through a recording proxy and returns the API calls that reached the server. */
async function apiCallsOf(run: (url: string) => Promise<unknown>): Promise<string[]> {
  const proxy = await startRecordingProxy(mock.url);
  const output = captureOutput();
  try {
    await run(proxy.url);
    return proxy.recorded.apiCalls;
  } finally {
    output.restore();
    await proxy.close();
  }
}

const localEnvVars = (url: string) => ({ authServerUrl: url, apiBaseUrl: url, redirectUri: `${url}/callback` });

describe('production safety', () => {
  it.each([
    ['without --allow-writes, the harness leaves writes out and lists them', false, []],
    // The create, and the Security folder's 403 probe of vendors:write (a write too).
    ['with --allow-writes, writes are sent', true, ['POST /v1/vendors', 'POST /v1/vendors']],
  ])('%s', async (_name, allowWrites, wantWrites) => {
    let skipped: unknown;
    const calls = await apiCallsOf(async (url) => {
      const summary = await runSuite({
        collection: buildCollection(spec).collection,
        environment: buildEnvironment(spec, 'local', neededScopes(spec)),
        envVars: localEnvVars(url),
        production: true,
        allowWrites,
        reporters: [],
      });
      skipped = summary.skippedWrites;
    });
    expect(calls.filter((c) => !c.startsWith('GET '))).toEqual(wantWrites);
    expect(
      calls.filter((c) => c.includes(UNKNOWN_UUID)),
      'no negative case, not even a read',
    ).toEqual([]);
    expect(skipped).toEqual(
      allowWrites
        ? []
        : [
            { folder: 'Vendors', name: 'Create vendor', method: 'POST', path: '/v1/vendors' },
            {
              folder: 'Security',
              name: 'Vendors: token without vendors:write → 403',
              method: 'POST',
              path: '/v1/vendors',
            },
          ],
    );
  });

  it.each([
    ['plain newman against production skips writes in the collection itself', {}, []],
    ['unless the variable allowWrites is "true"', { allowWrites: 'true' }, ['POST /v1/vendors', 'POST /v1/vendors']],
  ])('%s', async (_name, extraVars, wantWrites) => {
    const calls = await apiCallsOf(async (url) => {
      // A description whose production API is this proxy: the generated guard compares against it.
      const production = {
        ...spec,
        environments: { ...spec.environments, production: { ...spec.environments.production, apiBaseUrl: url } },
      };
      await runSuite({
        collection: buildCollection(production).collection,
        environment: buildEnvironment(production, 'local', neededScopes(production)),
        envVars: { ...localEnvVars(url), ...extraVars },
        reporters: [],
      });
    });
    // The local environment sets negativeTests=true: the collection's guard still sends no negative case to production.
    expect(calls.filter((c) => !c.startsWith('GET '))).toEqual(wantWrites);
    expect(calls.filter((c) => c.includes(UNKNOWN_UUID))).toEqual([]);
  });
});

// Issue 18 item 4: however the production URL is spelt, no write reaches it, through the harness
// (resolveTarget decides, runSuite leaves the writes out) and through plain Newman (the collection's guard).
describe('production guard, whatever the spelling', () => {
  const spellings = (port: number) => [
    `http://localhost:${port}`,
    `HTTP://LOCALHOST:${port}`,
    `http://LocalHost:${port}/`,
    `http://localhost:${port}/./`,
    `http://localhost:${port}/api`,
  ];
  const productionAt = (url: string): ApiDescription => ({
    ...spec,
    environments: { ...spec.environments, production: { ...spec.environments.production, apiBaseUrl: url } },
  });

  it('through the harness (test --env FILE): zero writes for every spelling', async () => {
    const proxy = await startRecordingProxy(mock.url);
    const port = Number(new URL(proxy.url).port);
    const production = productionAt(`http://localhost:${port}`);
    const dir = await mkdtemp(join(tmpdir(), 'pleo-guard-'));
    const output = captureOutput();
    try {
      for (const spelling of spellings(port)) {
        const environment = buildEnvironment(production, 'local', neededScopes(production));
        for (const v of environment.values) {
          if (v.key === 'apiBaseUrl') v.value = spelling;
          if (v.key === 'authServerUrl') v.value = mock.url;
        }
        const file = join(dir, 'env.json');
        await writeFile(file, JSON.stringify(environment));
        const target = await resolveTarget(production, file);
        expect(target.kind === 'remote' && target.production, spelling).toBe(true);
        await runSuite({
          collection: buildCollection(production).collection,
          environment: target.kind === 'remote' ? target.environment : environment,
          production: true,
          reporters: [],
        });
      }
    } finally {
      output.restore();
      await proxy.close();
    }
    expect(proxy.recorded.apiCalls.length).toBeGreaterThan(0);
    expect(proxy.recorded.apiCalls.filter((c) => !c.startsWith('GET '))).toEqual([]);
  });

  it("through plain Newman (the collection's own guard): zero writes for every spelling", async () => {
    const proxy = await startRecordingProxy(mock.url);
    const port = Number(new URL(proxy.url).port);
    const production = productionAt(`http://localhost:${port}`);
    const output = captureOutput();
    try {
      for (const spelling of spellings(port)) {
        const environment = buildEnvironment(production, 'local', neededScopes(production));
        for (const v of environment.values) {
          if (v.key === 'apiBaseUrl') v.value = spelling;
          if (v.key === 'authServerUrl') v.value = mock.url;
        }
        await runNewman({
          collection: buildCollection(production).collection as never,
          environment: environment as never,
          reporters: [],
        });
      }
    } finally {
      output.restore();
      await proxy.close();
    }
    expect(proxy.recorded.apiCalls.length).toBeGreaterThan(0);
    expect(proxy.recorded.apiCalls.filter((c) => !c.startsWith('GET '))).toEqual([]);
  });
});
