import { readFile } from 'node:fs/promises';
import { ERROR_CODES, UserError } from '../../errors.js';
import { buildEnvironment, LOOPBACK_URL, neededScopes } from '../../generate/index.js';
import type { ApiDescription } from '../../description/index.js';
import { PRODUCTION_VARIABLE } from '../../generate/scripts/index.js';
import { isUnderProduction } from './production.js';

export interface EnvironmentJson {
  name?: string;
  values: Array<{ key: string; value: unknown }>;
}

export type Target =
  | { kind: 'local' }
  | { kind: 'remote'; label: string; environment: EnvironmentJson; production: boolean; loopback: boolean };

/** The string value of an environment variable, or ''. */
export const environmentValue = (environment: EnvironmentJson, key: string): string =>
  String(environment.values.find((v) => v.key === key)?.value ?? '');

function remote(spec: ApiDescription, label: string, environment: EnvironmentJson): Target {
  return {
    kind: 'remote',
    label,
    environment,
    production:
      environmentValue(environment, PRODUCTION_VARIABLE) === 'true' ||
      isUnderProduction(environmentValue(environment, 'apiBaseUrl'), spec.environments.production.apiBaseUrl),
    loopback: LOOPBACK_URL.test(
      environmentValue(environment, 'redirectUri') || `${environmentValue(environment, 'authServerUrl')}/`,
    ),
  };
}

async function readEnvironmentFile(path: string): Promise<EnvironmentJson> {
  let text: string;
  try {
    // Stryker disable next-line StringLiteral: without the encoding it is a Buffer, which JSON.parse reads as UTF-8 too
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new UserError(
      // Stryker disable next-line StringLiteral: a file system error always has a code; 'unreadable' is for safety
      `--env: "${path}" is not local, staging, production or a readable environment file (${(cause as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      ERROR_CODES.OPTION_INVALID,
      { cause },
    );
  }
  try {
    const json = JSON.parse(text) as Partial<EnvironmentJson>;
    if (!Array.isArray(json.values)) throw new Error('no "values" array');
    return json as EnvironmentJson;
  } catch (cause) {
    throw new UserError(
      `--env: "${path}" is not a Postman environment file (${(cause as Error).message})`,
      ERROR_CODES.OPTION_INVALID,
      { cause },
    );
  }
}

/** `--env local|staging|production|FILE` → what to run against. A file is production when it says so (`pleoProduction`) or its apiBaseUrl is the production API or under it, however spelt. */
export async function resolveTarget(spec: ApiDescription, env: string): Promise<Target> {
  switch (env) {
    case 'local':
      return { kind: 'local' };
    case 'staging':
    case 'production':
      return remote(spec, env, buildEnvironment(spec, env, neededScopes(spec)));
    default:
      return remote(spec, env, await readEnvironmentFile(env));
  }
}
