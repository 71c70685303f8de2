import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSpec } from '../../src/description/index.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const BASE = readFileSync(MINIMAL_SPEC, 'utf8');
const AUTH = /^auth:\n(?: {2}.*\n)+/m;

/** The minimal description with another auth block (and, optionally, a public request). */
function withAuth(block: string, publicGet = false): string {
  expect(BASE).toMatch(AUTH);
  const text = BASE.replace(AUTH, `auth:\n${block.replace(/^/gm, '  ')}\n`);
  return publicGet
    ? text.replace('        path: /v1/introspect\n', '        path: /v1/introspect\n        public: true\n')
    : text;
}

const errors = (text: string) => validateSpec(text, 'api.yaml').problems.filter((p) => p.severity === 'error');

describe('the description names its auth scheme', () => {
  it('defaults to OAuth 2.0, with the token name made from the API name when none is given', () => {
    const { spec } = validateSpec(withAuth('callback: desktop'), 'api.yaml');
    expect(spec?.auth.scheme).toEqual({ type: 'oauth2' });
    expect(spec?.auth.tokenName).toBe('Minimal Pleo access token');
    expect(spec?.folders[0]?.requests[0]?.public).toBe(false);
  });

  it.each([
    ['scheme: apiKey\nin: header\nname: X-API-Key', { type: 'apiKey', in: 'header', name: 'X-API-Key' }],
    ['scheme: apiKey\nin: query\nname: api_key', { type: 'apiKey', in: 'query', name: 'api_key' }],
    ['scheme: apiKey\nin: cookie\nname: session', { type: 'apiKey', in: 'cookie', name: 'session' }],
    ['scheme: bearer', { type: 'bearer' }],
    ['scheme: basic', { type: 'basic' }],
    ['scheme: none', { type: 'none' }],
  ])('%s', (block, scheme) => {
    const { spec, problems } = validateSpec(withAuth(block), 'api.yaml');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(spec?.auth.scheme).toEqual(scheme);
  });

  it('refuses an API key without "in" or "name", and "in" on another scheme, at the line', () => {
    expect(errors(withAuth('scheme: apiKey\nin: header')).map((p) => p.code)).toEqual(['API_KEY_INCOMPLETE']);
    const [unused] = errors(withAuth('scheme: bearer\nname: X-API-Key'));
    expect(unused?.code).toBe('AUTH_KEY_UNUSED');
    expect(unused?.message).toBe('"name" applies to the "apiKey" scheme only, not "bearer"');
    expect(errors(withAuth('scheme: digest')).map((p) => p.code)).not.toEqual([]);
    expect(errors(withAuth('scheme: apiKey\nin: body\nname: k')).length).toBeGreaterThan(0);
  });

  it('marks a request public; a public request with scopes is refused', () => {
    const { spec, problems } = validateSpec(withAuth('scheme: bearer', true), 'api.yaml');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const introspect = spec?.folders.flatMap((f) => f.requests).find((r) => r.path === '/v1/introspect');
    expect(introspect?.public).toBe(true);
    const scoped = withAuth('scheme: bearer').replace(
      '        path: /v1/vendors/{vendorId}\n',
      '        path: /v1/vendors/{vendorId}\n        public: true\n',
    );
    expect(errors(scoped).map((p) => p.code)).toEqual(['PUBLIC_WITH_SCOPES']);
  });
});
