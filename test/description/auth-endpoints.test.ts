import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENDPOINT_TEMPLATES,
  endpointTemplates,
  endpointUrls,
  endpointUrlsAt,
  fillTemplate,
  refreshPathOf,
  templatePath,
  validateSpec,
  type ApiDescription,
} from '../../src/description/index.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const BASE = readFileSync(MINIMAL_SPEC, 'utf8');

/** The minimal description with more keys under auth, and optionally under each environment. */
function described(auth: string, environments: Partial<Record<'staging' | 'production' | 'local', string>> = {}) {
  let text = BASE.replace('  tokenName: Pleo access token\n', `  tokenName: Pleo access token\n${auth}`);
  for (const [name, line] of Object.entries(environments))
    text = text.replace(new RegExp(`(\\n  ${name}:\\n)`), `$1    ${line}\n`);
  return validateSpec(text, 'api.yaml');
}

const spec = (auth: string, environments?: Parameters<typeof described>[1]): ApiDescription => {
  const result = described(auth, environments);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.spec as ApiDescription;
};

const errorCodes = (auth: string, environments?: Parameters<typeof described>[1]) =>
  described(auth, environments)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => [p.code, p.pointer]);

describe('the OAuth 2.0 endpoints of a description (auth-endpoints.ts)', () => {
  it("default to Pleo's, below authServerUrl", () => {
    const pleo = spec('');
    expect(pleo.auth.authorizePath).toBe('/oauth/authorize');
    expect(pleo.auth.tokenPath).toBe('/oauth/token');
    expect(endpointTemplates(pleo)).toEqual(DEFAULT_ENDPOINT_TEMPLATES);
    expect(DEFAULT_ENDPOINT_TEMPLATES).toEqual({
      authorize: '{{authServerUrl}}/oauth/authorize',
      token: '{{authServerUrl}}/oauth/token',
      refresh: '{{authServerUrl}}/oauth/token',
    });
    expect(pleo.auth).not.toHaveProperty('refreshPath');
  });

  it("take the description's paths", () => {
    const own = spec('  authorizePath: /connect/authorize\n  tokenPath: /api/token\n');
    expect(endpointTemplates(own)).toEqual({
      authorize: '{{authServerUrl}}/connect/authorize',
      token: '{{authServerUrl}}/api/token',
      refresh: '{{authServerUrl}}/api/token',
    });
  });

  it('send refresh_token grants to auth.refreshPath when the description has one (OpenAPI refreshUrl)', () => {
    const own = spec('  tokenPath: /api/token\n  refreshPath: /api/token/refresh\n');
    expect(own.auth.refreshPath).toBe('/api/token/refresh');
    expect(endpointTemplates(own)).toEqual({
      authorize: '{{authServerUrl}}/oauth/authorize',
      token: '{{authServerUrl}}/api/token',
      refresh: '{{authServerUrl}}/api/token/refresh',
    });
    expect(refreshPathOf(own.auth)).toBe('/api/token/refresh');
    expect(refreshPathOf({ tokenPath: '/api/token' })).toBe('/api/token');
    expect(endpointUrlsAt(own, 'http://127.0.0.1:4010').refresh).toBe('http://127.0.0.1:4010/api/token/refresh');
  });

  it('put the authorization endpoint on its own server when an environment names one', () => {
    const own = spec('  authorizePath: /identity/connect/authorize\n  tokenPath: /connect/token\n', {
      staging: 'authorizeServerUrl: https://login.example.com/',
    });
    expect(own.environments.staging.authorizeServerUrl).toBe('https://login.example.com');
    expect(own.environments.production.authorizeServerUrl).toBeUndefined();
    expect(endpointTemplates(own)).toEqual({
      authorize: '{{authorizeServerUrl}}/identity/connect/authorize',
      token: '{{authServerUrl}}/connect/token',
      refresh: '{{authServerUrl}}/connect/token',
    });
  });

  it('fill in like Postman: nested variables, trailing slashes of a base trimmed, unknown ones empty', () => {
    const values: Record<string, string> = {
      authServerUrl: 'http://127.0.0.1:4010//',
      authorizeServerUrl: '{{authServerUrl}}',
    };
    const value = (name: string) => values[name] ?? '';
    expect(
      endpointUrls(
        {
          authorize: '{{authorizeServerUrl}}/a',
          token: '{{authServerUrl}}/connect/token',
          refresh: '{{authServerUrl}}/r',
        },
        value,
      ),
    ).toEqual({
      authorize: 'http://127.0.0.1:4010/a',
      token: 'http://127.0.0.1:4010/connect/token',
      refresh: 'http://127.0.0.1:4010/r',
    });
    expect(fillTemplate('{{nothing}}/oauth/token', value)).toBe('/oauth/token');
    const withoutAuthorizeServer = (name: string) => (name === 'authServerUrl' ? 'https://auth.example' : '');
    expect(
      endpointUrls(
        { authorize: '{{authorizeServerUrl}}/a', token: '{{authServerUrl}}/t', refresh: '{{authServerUrl}}/t' },
        withoutAuthorizeServer,
      ),
    ).toEqual({
      authorize: 'https://auth.example/a',
      token: 'https://auth.example/t',
      refresh: 'https://auth.example/t',
    });
    const loop = (name: string) => (name === 'a' ? '{{a}}x' : '');
    expect(fillTemplate('{{a}}/t', loop)).toMatch(/^\{\{a\}\}x+\/t$/);
    expect(templatePath('{{authorizeServerUrl}}/identity/connect/authorize')).toBe('/identity/connect/authorize');
  });

  it.each([
    ['  tokenPath: /oauth/authorize\n', [['ENDPOINT_PATHS_SAME', '/auth/tokenPath']]],
    ['  authorizePath: /callback\n', [['ENDPOINT_PATH_RESERVED', '/auth/authorizePath']]],
    ['  tokenPath: /.well-known/oauth-authorization-server\n', [['ENDPOINT_PATH_RESERVED', '/auth/tokenPath']]],
    ['  authorizePath: /oauth/token/introspect\n', [['ENDPOINT_PATH_RESERVED', '/auth/authorizePath']]],
    ['  refreshPath: /oauth/authorize\n', [['ENDPOINT_PATHS_SAME', '/auth/refreshPath']]],
    ['  refreshPath: /callback\n', [['ENDPOINT_PATH_RESERVED', '/auth/refreshPath']]],
    ['  refreshPath: /oauth/token/introspect\n', [['ENDPOINT_PATH_RESERVED', '/auth/refreshPath']]],
    [
      '  refreshPath: /v1/vendors\n',
      [['ENDPOINT_PATH_CLASH', expect.stringMatching(/^\/folders\/\d+\/requests\/\d+\/path$/)]],
    ],
  ])('refuse %j', (auth, want) => {
    expect(errorCodes(auth)).toEqual(want);
  });

  it.each([
    '  tokenPath: oauth/token\n',
    '  tokenPath: /oauth/token?x=1\n',
    '  authorizePath: /{tenant}/authorize\n',
    '  refreshPath: refresh\n',
  ])('refuse a path that is not a plain absolute path: %j', (auth) => {
    expect(errorCodes(auth).length).toBeGreaterThan(0);
  });

  it('refuse a request at an endpoint path, and a plain-HTTP authorization server outside local', () => {
    const clash = errorCodes('  tokenPath: /v1/vendors\n');
    expect(clash).toContainEqual([
      'ENDPOINT_PATH_CLASH',
      expect.stringMatching(/^\/folders\/\d+\/requests\/\d+\/path$/),
    ]);
    expect(errorCodes('', { production: 'authorizeServerUrl: http://login.example.com' })).toEqual([
      ['URL_NOT_HTTPS', '/environments/production/authorizeServerUrl'],
    ]);
    expect(errorCodes('', { local: 'authorizeServerUrl: http://127.0.0.1:4010' })).toEqual([]);
  });
});
