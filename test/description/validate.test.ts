import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateSpec } from '../../src/description/index.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const BASE = readFileSync(MINIMAL_SPEC, 'utf8');

function mutate(from: string, to: string): string {
  expect(BASE, `fixture contains ${from}`).toContain(from);
  return BASE.replace(from, to);
}

/** 1-based line and column of `needle` in `text` (its first occurrence). */
function positionOf(text: string, needle: string, offsetInNeedle = 0): string {
  const index = text.indexOf(needle);
  expect(index, `mutated text contains ${needle}`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index + offsetInNeedle).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

interface Case {
  text: string;
  code: string;
  message: string;
  /** Where the problem must be reported: the text at that position. */
  at?: string;
  atOffset?: number;
  hint?: string;
}

const CASES: Array<[string, Case]> = [
  [
    'YAML syntax error',
    {
      text: mutate('  name: Minimal Pleo', '  name: [Minimal Pleo'),
      code: 'YAML_SYNTAX',
      message: 'YAML syntax error',
    },
  ],
  [
    'tab indentation',
    {
      text: mutate('  version: 1.0.0', '\tversion: 1.0.0'),
      code: 'YAML_SYNTAX',
      message: 'YAML syntax error',
      at: '\tversion',
    },
  ],
  [
    'duplicate key',
    {
      text: mutate('  version: 1.0.0', '  version: 1.0.0\n  version: 2.0.0'),
      code: 'YAML_SYNTAX',
      message: 'YAML syntax error',
      at: 'version: 2.0.0',
    },
  ],
  [
    'unknown key',
    {
      text: mutate('        scopes: [vendors:read]', '        sopes: [vendors:read]'),
      code: 'UNKNOWN_KEY',
      message: 'unknown key "sopes"',
      at: 'sopes:',
      hint: 'did you mean "scopes"?',
    },
  ],
  [
    'wrong type',
    {
      text: mutate('  responseTimeMs: 5000', '  responseTimeMs: fast'),
      code: 'WRONG_TYPE',
      message: 'must be integer, but is string',
      at: 'fast',
    },
  ],
  [
    'scope missing from the catalogue',
    {
      text: mutate('scopes: [users:read]', 'scopes: [users:reed]'),
      code: 'SCOPE_UNKNOWN',
      message: 'scope "users:reed" is not in the scopes catalogue',
      at: 'users:reed',
      hint: 'did you mean "users:read"?',
    },
  ],
  [
    '$ref to an undefined schema',
    {
      text: mutate("data: { $ref: '#/schemas/Vendor' }", "data: { $ref: '#/schemas/Vendr' }"),
      code: 'REF_UNDEFINED',
      message: '$ref "#/schemas/Vendr" points at no schema',
      at: "'#/schemas/Vendr'",
      hint: 'did you mean "#/schemas/Vendor"?',
    },
  ],
  [
    'named schema that does not exist',
    {
      text: mutate('schema: VendorCreate', 'schema: VendorCreat'),
      code: 'REF_UNDEFINED',
      message: 'schema "VendorCreat" is not defined',
      at: 'VendorCreat\n',
    },
  ],
  [
    'invalid JSON Schema',
    {
      text: mutate('id: { type: string, format: uuid }', 'id: { type: strin, format: uuid }'),
      code: 'SCHEMA_INVALID',
      message: 'schema "Vendor" is not a valid JSON Schema (draft-07)',
      at: 'strin,',
    },
  ],
  [
    'duplicate request names in a folder',
    {
      text: mutate('      - name: Get vendor', '      - name: Create vendor'),
      code: 'DUPLICATE_REQUEST',
      message: 'request name "Create vendor" is used twice in folder "Vendors"',
      at: 'Create vendor\n        method: GET',
    },
  ],
  [
    'path parameter with no value',
    {
      text: mutate(
        "vendorId: { example: 0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11, variable: vendorId, description: The vendor's id }",
        "vendorId: { description: The vendor's id }",
      ),
      code: 'PATH_PARAM_NO_VALUE',
      message: 'path parameter "{vendorId}" has no value',
      at: '/v1/vendors/{vendorId}',
    },
  ],
  [
    'non-HTTPS URL outside local',
    {
      text: mutate('authServerUrl: https://auth.pleo.io', 'authServerUrl: http://auth.pleo.io'),
      code: 'URL_NOT_HTTPS',
      message: 'production authServerUrl "http://auth.pleo.io" is not HTTPS',
      at: 'http://auth.pleo.io',
    },
  ],
  [
    'redirect URI with a wildcard',
    {
      text: mutate('  callback: desktop', '  callback: desktop\n  redirectUri: https://*.example.com/callback'),
      code: 'REDIRECT_WILDCARD',
      message: 'contains a wildcard',
      at: 'https://*.example.com',
    },
  ],
  [
    'non-HTTPS redirect URI',
    {
      text: mutate('  callback: desktop', '  callback: desktop\n  redirectUri: http://client.example/cb'),
      code: 'REDIRECT_NOT_HTTPS',
      message: 'is not HTTPS',
      at: 'http://client.example',
    },
  ],
  [
    'challenge method other than S256',
    {
      text: mutate('challengeMethod: S256', 'challengeMethod: plain'),
      code: 'PKCE_METHOD',
      message: 'code challenge method "plain" is not accepted by Pleo',
      at: 'plain',
      hint: 'use "S256"',
    },
  ],
  [
    'client authentication other than basic',
    {
      text: mutate('clientAuthentication: basic', 'clientAuthentication: client_secret_post'),
      code: 'CLIENT_AUTH',
      message: 'client authentication "client_secret_post" is not accepted by Pleo',
      at: 'client_secret_post',
      hint: 'use "basic"',
    },
  ],
  [
    'example that breaks its schema',
    {
      text: mutate('example: { name: Acme ApS, country: DK }', 'example: { name: 42, country: DK }'),
      code: 'EXAMPLE_INVALID',
      message: 'example does not match its schema: /name must be string',
      at: '42',
    },
  ],
  [
    'body variable pointing at nothing',
    {
      text: mutate(
        '          example: { name: Acme ApS, country: DK }',
        '          example: { name: Acme ApS, country: DK }\n          variables: { countryCode: countryCode }',
      ),
      code: 'BODY_VARIABLE_PATH',
      message: 'body variable path "countryCode" does not point at a string in the body example',
      at: 'countryCode: countryCode',
    },
  ],
  [
    'mock.sets on a request that is not an item action',
    {
      text: mutate(
        '        capture:\n          vendorId: data.id',
        '        capture:\n          vendorId: data.id\n        mock:\n          sets: { state: ACTIVE }',
      ),
      code: 'MOCK_SETS_NOT_ACTION',
      message: 'mock.sets applies to item actions only',
      at: 'sets',
      hint: '/things/{id}:verb',
    },
  ],
  ['empty description', { text: '', code: 'EMPTY', message: 'the description is empty' }],
  ['comment-only description', { text: '# nothing here\n', code: 'EMPTY', message: 'the description is empty' }],
  [
    'blank lines and indented comments only',
    { text: '\n  \n\t# one\n   #two\r\n\u00a0\n', code: 'EMPTY', message: 'the description is empty' },
  ],
];

describe('what counts as an empty description', () => {
  it.each([
    ['', true],
    ['# a\n\n  # b\n', true],
    [' \t\r\n\u00a0\n', true],
    ['# a\nx', false],
    ['  x # y', false],
    ['# a\rb', false],
    ['\n\n   info:', false],
  ])('%j: empty %s', (text, empty) => {
    expect(validateSpec(text, 'spec.yaml').problems.some((p) => p.code === 'EMPTY')).toBe(empty);
  });
});

describe('bad input', () => {
  it.each(CASES)('%s', (_name, c) => {
    const result = validateSpec(c.text, 'spec.yaml');
    expect(result.spec).toBeUndefined();
    const problem = result.problems.find((p) => p.code === c.code);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem!.message).toContain(c.message);
    if (c.hint) expect(problem!.hint).toContain(c.hint);
    const printed = formatProblems([problem!], 'spec.yaml', c.text);
    expect(printed).toMatch(/^spec\.yaml:\d+:\d+ error: /);
    if (c.at) expect(printed.startsWith(`spec.yaml:${positionOf(c.text, c.at, c.atOffset)} `), printed).toBe(true);
  });

  it('gathers every problem instead of stopping at the first', () => {
    const text = BASE.replace('challengeMethod: S256', 'challengeMethod: plain').replace(
      'clientAuthentication: basic',
      'clientAuthentication: body',
    );
    expect(validateSpec(text, 'spec.yaml').problems.map((p) => p.code)).toEqual(['PKCE_METHOD', 'CLIENT_AUTH']);
  });

  it('warns (without failing) about a variable that nothing captures and no environment sets', () => {
    const text = BASE.replace('variable: vendorId,', 'variable: vendorIdd,');
    const result = validateSpec(text, 'spec.yaml');
    expect(result.spec).toBeDefined();
    expect(result.problems).toMatchObject([
      {
        severity: 'warning',
        code: 'VARIABLE_UNKNOWN',
        pointer: '/folders/0/requests/1/parameters/path/vendorId/variable',
      },
    ]);
  });

  it('refuses a "billion laughs" alias bomb quickly instead of expanding it', () => {
    // 9 levels of 9 aliases each: 9^9 strings once expanded, from a few hundred bytes.
    const levels = 'abcdefghi'.split('').map(
      (name, i) =>
        `  ${name}: &${name} [${Array(9)
          .fill(i === 0 ? 'x' : `*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
    );
    const text = mutate('defaults:', `bomb:\n${levels.join('\n')}\ndefaults:`);
    const result = validateSpec(text, 'spec.yaml');
    expect(result.problems.map((p) => p.code)).toEqual(['YAML_ALIASES']);
  });

  it('reads a description with a few aliases like any other', () => {
    const text = mutate('  Error:\n', '  Error: &error\n').replace('  Vendor:\n', '  Failure: *error\n  Vendor:\n');
    const result = validateSpec(text, 'spec.yaml');
    expect(result.problems).toEqual([]);
    expect(result.spec?.schemas.Failure).toEqual(result.spec?.schemas.Error);
  });

  it.each([
    ['a variable nothing sets', "'{{vendorName}} ApS'", ['VARIABLE_UNKNOWN']],
    ["Postman's dynamic variables", "'Acme {{$timestamp}}'", []],
    ['an environment variable', "'{{companyId}}'", []],
  ])('body variable template with %s', (_name, template, codes) => {
    const text = mutate(
      '          example: { name: Acme ApS, country: DK }',
      `          example: { name: Acme ApS, country: DK }\n          variables: { name: ${template} }`,
    );
    const result = validateSpec(text, 'spec.yaml');
    expect(result.spec).toBeDefined();
    expect(result.problems.map((p) => p.code)).toEqual(codes);
  });

  it('accepts the minimal fixture without problems', () => {
    const result = validateSpec(BASE, 'spec.yaml');
    expect(result.problems).toEqual([]);
    expect(result.spec?.folders.map((f) => f.requests.length)).toEqual([2, 1, 1]);
  });
});
