// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { runSuite } from '../../../src/run/index.js';
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
    ['with --allow-writes, writes are sent', true, ['POST /v1/vendors']],
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
    expect(skipped).toEqual(
      allowWrites ? [] : [{ folder: 'Vendors', name: 'Create vendor', method: 'POST', path: '/v1/vendors' }],
    );
  });

  it.each([
    ['plain newman against production skips writes in the collection itself', {}, []],
    ['unless the variable allowWrites is "true"', { allowWrites: 'true' }, ['POST /v1/vendors']],
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
    expect(calls.filter((c) => !c.startsWith('GET '))).toEqual(wantWrites);
  });
});
