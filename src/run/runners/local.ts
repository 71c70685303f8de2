import { buildCollection, buildEnvironment, neededScopes } from '../../generate/index.js';
import { startMock, TEST_CLIENT, type MockOptions } from '../../mock/index.js';
import type { ApiDescription } from '../../description/index.js';
import type { RunSummary } from '../reporting/summary.js';
import { runSuite, type SuiteOptions } from './suite.js';

export interface LocalSuiteOptions
  extends Omit<SuiteOptions, 'collection' | 'environment' | 'production' | 'allowWrites'> {
  spec: ApiDescription;
  /** Scopes the client registered (as `generate --scopes`); default every scope the description needs. */
  scopes?: readonly string[];
  /** Mock hooks, for tests that break the contract on purpose. */
  mock?: Pick<MockOptions, 'tamper' | 'enforceScopes' | 'accessTokenTtlSeconds' | 'log' | 'latency' | 'lenient'>;
}

/**
 * `--env-var`-style overrides that point the local environment at a mock listening on `url` (the
 * headless token flow derives its redirect, `{{authServerUrl}}/callback`, from the first).
 */
export function localOverrides(url: string): Record<string, string> {
  return { authServerUrl: url, apiBaseUrl: url };
}

/**
 * Starts the embedded mock on a free port with auto-approve (so the collection's own script gets a
 * token by Authorization Code + PKCE), runs the suite against it, and stops it.
 */
export async function runLocalSuite(options: LocalSuiteOptions): Promise<RunSummary> {
  const { spec, scopes, mock: hooks, ...suite } = options;
  suite.onProgress?.('starting the local Pleo (mock)…');
  const mock = await startMock({ spec, port: 0, autoApprove: true, ...hooks });
  suite.onProgress?.(`local Pleo listening on ${mock.url}`);
  try {
    const { collection } = buildCollection(spec, scopes);
    const environment = buildEnvironment(spec, 'local', scopes ?? neededScopes(spec));
    return await runSuite({
      ...suite,
      collection,
      environment,
      envVars: { ...localOverrides(mock.url), ...suite.envVars },
      secrets: [TEST_CLIENT.secret, ...(suite.secrets ?? [])],
    });
  } finally {
    await mock.close();
  }
}
