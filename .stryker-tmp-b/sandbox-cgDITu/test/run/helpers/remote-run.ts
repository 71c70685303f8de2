// @ts-nocheck
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestArgs } from '../../../src/commands/test.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { MINIMAL_SPEC } from '../../helpers/specs.js';

/**
 * A staging-like environment file in `dir` (Postman's https callback, no secrets: refresh tokens only)
 * with both URLs pointing at `url`.
 */
export async function stagingEnvironmentFile(spec: ApiDescription, url: string, dir: string): Promise<string> {
  const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
  for (const v of environment.values) if (v.key === 'authServerUrl' || v.key === 'apiBaseUrl') v.value = url;
  const path = join(dir, `env-${Math.random().toString(36).slice(2)}.postman_environment.json`);
  await writeFile(path, JSON.stringify(environment));
  return path;
}

/** `test` arguments for the minimal description against `env`, reports under `dir`. */
export const remoteTestArgs = (dir: string, env: string, extra: Partial<TestArgs> = {}): TestArgs => ({
  spec: MINIMAL_SPEC,
  env,
  reporters: 'cli',
  reportDir: join(dir, 'reports'),
  bail: false,
  allowWrites: false,
  ...extra,
});
