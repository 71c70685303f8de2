// @ts-nocheck
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment, neededScopes } from '../../src/generate/index.js';
import { TEST_CLIENT } from '../../src/shared/local-pleo.js';
import { ENVIRONMENT_NAMES, type ApiDescription } from '../../src/description/index.js';
import { loadMinimal } from '../helpers/specs.js';

const VARIABLES = ['authServerUrl', 'apiBaseUrl', 'clientId', 'clientSecret', 'scopes', 'accessToken', 'refreshToken'];
const SECRETS = ['clientSecret', 'accessToken', 'refreshToken'];

describe('environment files', () => {
  let spec: ApiDescription;
  beforeAll(async () => {
    spec = await loadMinimal();
  });
  const variableOf = (env: ReturnType<typeof buildEnvironment>, key: string) => env.values.find((v) => v.key === key);

  it.each(ENVIRONMENT_NAMES)('%s has exactly the documented variable names, secrets typed secret', (name) => {
    const env = buildEnvironment(spec, name, neededScopes(spec));
    expect(env.values.map((v) => v.key).slice(0, VARIABLES.length)).toEqual(VARIABLES);
    for (const key of SECRETS) expect(variableOf(env, key)?.type).toBe('secret');
    expect(env._postman_variable_scope).toBe('environment');
  });

  it.each([
    ['staging', 'https://auth.staging.pleo.io', 'https://external.staging.pleo.io'],
    ['production', 'https://auth.pleo.io', 'https://external.pleo.io'],
  ] as const)('%s points at Pleo and carries no secret value', (name, auth, api) => {
    const env = buildEnvironment(spec, name, neededScopes(spec));
    expect(variableOf(env, 'authServerUrl')?.value).toBe(auth);
    expect(variableOf(env, 'apiBaseUrl')?.value).toBe(api);
    for (const key of [...SECRETS, 'clientId']) expect(variableOf(env, key)?.value).toBe('');
  });

  it.each(ENVIRONMENT_NAMES)(
    'issue 8 item 10: %s has no redirectUri variable (Postman uses its own callback with "Authorize using browser")',
    (name) => {
      expect(variableOf(buildEnvironment(spec, name, neededScopes(spec)), 'redirectUri')).toBeUndefined();
    },
  );

  it('local points at the mock and carries its fixed test client', () => {
    const env = buildEnvironment(spec, 'local', neededScopes(spec));
    expect(variableOf(env, 'authServerUrl')?.value).toBe('http://127.0.0.1:4010');
    // issue 8 item 10: the mock serves both, so a mock on another port is a one-variable change
    expect(variableOf(env, 'apiBaseUrl')?.value).toBe('{{authServerUrl}}');
    expect(variableOf(env, 'clientId')?.value).toBe(TEST_CLIENT.id);
    expect(variableOf(env, 'clientSecret')).toMatchObject({ value: TEST_CLIENT.secret, type: 'secret' });
    expect(variableOf(env, 'accessToken')?.value).toBe('');
  });

  it('scopes is the space-delimited union of what the requests need, in catalogue order', () => {
    expect(neededScopes(spec)).toEqual(['vendors:read', 'vendors:write', 'users:read']);
    const env = buildEnvironment(spec, 'staging', neededScopes(spec));
    expect(variableOf(env, 'scopes')?.value).toBe('vendors:read vendors:write users:read');
  });

  it('writes the extra variables of the description', () => {
    const env = buildEnvironment(spec, 'staging', []);
    expect(variableOf(env, 'companyId')?.value).toBe('6a1d7b2e-0f4c-4d57-9a63-3b1f8c2e9d40');
  });
});
