import { describe, expect, it } from 'vitest';
import { VariableScope } from 'postman-collection';
import {
  authorizationSecrets,
  basicCredentialForms,
  collectSecrets,
  REDACTED,
  redactSummary,
  redactText,
  SECRET_VARIABLES,
} from '../../../src/run/reporting/redact.js';

// The rules of redaction one by one, each with the shapes a Newman summary really takes: a request
// without a body, headers or auth; an execution without a response; a response with a body but no
// stream. Written against the survivors of `MUTATE_UNIT=1 npm run mutate -- --mutate src/run/reporting/redact.ts`.

type Param = { key: string; value: unknown; set?: (value: unknown) => void };
const list = <T>(items: T[]) => ({ all: () => items });

type Execution = { request?: unknown; response?: unknown };
const summaryOf = (executions: Execution[], values: { key: string; value: string }[] = [], failures: unknown[] = []) =>
  ({
    environment: new VariableScope({ values } as never),
    run: { executions, failures },
  }) as never;

const secretsOf = (executions: Execution[], known: string[] = []) =>
  [...collectSecrets(summaryOf(executions), known)].sort();

describe('every secret variable is collected and redacted', () => {
  it.each(SECRET_VARIABLES.map((key) => [key]))('%s', (key) => {
    const summary = summaryOf([], [{ key, value: `value-of-${key}` }]) as { environment: VariableScope };
    const secrets = collectSecrets(summary as never);
    expect([...secrets]).toEqual([`value-of-${key}`]);
    redactSummary(summary as never, secrets);
    expect(summary.environment.get(key)).toBe(REDACTED);
  });

  it('the list names every secret variable of the environments', () => {
    expect([...SECRET_VARIABLES].sort()).toEqual(
      [
        'accessToken',
        'apiKey',
        'bearerToken',
        'clientSecret',
        'password',
        'pleoHarnessTokens',
        'pleoNarrowAccessToken',
        'refreshToken',
      ].sort(),
    );
  });

  it('an empty or absent secret variable is left as it is, and other variables too', () => {
    const summary = summaryOf(
      [],
      [
        { key: 'accessToken', value: '' },
        { key: 'apiBaseUrl', value: 'http://127.0.0.1:1' },
      ],
    ) as { environment: VariableScope };
    redactSummary(summary as never, new Set());
    expect(summary.environment.get('accessToken')).toBe('');
    expect(summary.environment.get('clientSecret')).toBeUndefined();
    expect(summary.environment.get('apiBaseUrl')).toBe('http://127.0.0.1:1');
  });

  it('a summary without an environment is collected and redacted without an error', () => {
    const summary = { run: { executions: [], failures: [] } } as never;
    expect([...collectSecrets(summary, ['known-1'])]).toEqual(['known-1']);
    expect(() => redactSummary(summary, new Set(['known-1']))).not.toThrow();
  });
});

describe('secrets shorter than four characters are neither collected nor searched for', () => {
  it('a four-character secret is one', () => {
    expect(redactText('x abcd y', ['abcd'])).toBe(`x ${REDACTED} y`);
  });

  it('a short known secret, a short Bearer token, a short auth value are not collected', () => {
    const request = {
      headers: list([{ key: 'Authorization', value: 'Bearer ab' }]),
      auth: { parameters: () => list<Param>([{ key: 'token', value: 'xy' }]) },
    };
    expect(secretsOf([{ request }], ['abc'])).toEqual([]);
  });

  it('a short secret whose encoded form is long is not searched for either', () => {
    expect(redactText('x a%20b a+b y', ['a b'])).toBe('x a%20b a+b y');
  });

  it('a short client secret gives no Basic forms', () => {
    expect(basicCredentialForms('client-1', 'abc')).toEqual([]);
    expect(basicCredentialForms('client-1', '')).toEqual([]);
  });
});

describe('Authorization headers: what is taken as a secret', () => {
  const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
  it.each([
    ['a scheme without credentials', 'Bearer', ['']],
    ['a leading space', '  Bearer tok-123', ['tok-123']],
    ['two spaces after the scheme', 'Bearer  tok-123', ['tok-123']],
    ['another scheme: the credentials as they are', 'Token abcd1234', ['abcd1234']],
    ['a scheme that ends in "basic" is not Basic', 'NotBasic abcd1234', ['abcd1234']],
    ['a scheme that starts with "basic" is not Basic', 'Basically abcd1234', ['abcd1234']],
    [
      'a Basic password that is not valid percent-encoding is taken as it is',
      basic('client:bad%zzsecret'),
      [basic('client:bad%zzsecret').slice(6), 'bad%zzsecret', 'bad%zzsecret'],
    ],
  ])('%s', (_name, header, want) => {
    expect(authorizationSecrets(header)).toEqual(want);
  });

  it('an Authorization header is collected; a header that only contains the word is not', () => {
    const request = {
      headers: list([
        { key: 'authorization', value: 'Bearer header-only-token' },
        { key: 'X-Explain-Authorization', value: 'Bearer not-a-secret-1' },
        { key: 'Authorization-Hint', value: 'Bearer not-a-secret-2' },
        { key: 'X-Request-Id', value: 'req 1234-5678' },
      ]),
    };
    expect(secretsOf([{ request }])).toEqual(['header-only-token']);
  });

  it('Authorization and Cookie headers are blanked whole; headers that only contain the words are not', () => {
    const headers = [
      { key: 'Authorization', value: 'Bearer tok-1234' },
      { key: 'Cookie', value: 'session=plain' },
      { key: 'X-Explain-Authorization', value: 'plain words' },
      { key: 'Authorization-Hint', value: 'plain words' },
      { key: 'X-Cookie-Hint', value: 'plain words' },
      { key: 'Hint-Cookie', value: 'plain words' },
      { key: 'X-Echo', value: 'has tok-1234 inside' },
    ];
    redactSummary(summaryOf([{ request: { headers: list(headers) } }]), new Set(['tok-1234']));
    expect(headers.map((h) => h.value)).toEqual([
      REDACTED,
      REDACTED,
      'plain words',
      'plain words',
      'plain words',
      'plain words',
      `has ${REDACTED} inside`,
    ]);
  });
});

describe('token request forms: every secret field is collected and redacted', () => {
  const fields = ['access_token', 'refresh_token', 'id_token', 'client_secret', 'code', 'code_verifier'];

  it.each(fields.map((f) => [f]))('%s in a urlencoded body', (field) => {
    const params = [
      { key: 'grant_type', value: 'authorization_code' },
      { key: field, value: `secret-${field}` },
    ];
    const request = { body: { mode: 'urlencoded', urlencoded: list(params) } };
    expect(secretsOf([{ request }])).toEqual([`secret-${field}`]);
    redactSummary(summaryOf([{ request }]), new Set());
    expect(params.map((p) => p.value)).toEqual(['authorization_code', REDACTED]);
  });

  it.each(fields.map((f) => [f]))('%s in a raw form body (the token request item)', (field) => {
    const request = { body: { mode: 'raw', raw: `grant_type=authorization_code&${field}=secret%2F${field}` } };
    expect(secretsOf([{ request }])).toEqual([`secret/${field}`]);
    const summary = summaryOf([{ request }]);
    redactSummary(summary, collectSecrets(summary));
    expect(request.body.raw).toBe(`grant_type=authorization_code&${field}=${REDACTED}`);
  });

  it('other form fields are not collected', () => {
    const request = {
      body: { mode: 'raw', raw: 'grant_type=client_credentials&scope=users%3Aread&client_id=client-1' },
    };
    expect(secretsOf([{ request }])).toEqual([]);
  });
});

describe('request auth: the secret parameters, and only those', () => {
  const secretParams = [
    'value',
    'clientSecret',
    'accessToken',
    'refreshToken',
    'token',
    'password',
    'code_verifier',
    'id_token',
  ];

  it.each(secretParams.map((p) => [p]))('%s is collected and redacted', (key) => {
    const params: Param[] = [{ key, value: `auth-${key}-1` }];
    const request = { auth: { parameters: () => list(params) } };
    expect(secretsOf([{ request }])).toEqual([`auth-${key}-1`]);
    redactSummary(summaryOf([{ request }]), new Set());
    expect(params[0]?.value).toBe(REDACTED);
  });

  it("an API key's name and place, a username, an empty or unset secret are left as they are", () => {
    const params: Param[] = [
      { key: 'key', value: 'X-Api-Key-Header' },
      { key: 'in', value: 'header' },
      { key: 'username', value: 'someone-1' },
      { key: 'token', value: '' },
      { key: 'password', value: undefined },
    ];
    const request = { auth: { parameters: () => list(params) } };
    expect(secretsOf([{ request }])).toEqual([]);
    redactSummary(summaryOf([{ request }]), new Set());
    expect(params.map((p) => p.value)).toEqual(['X-Api-Key-Header', 'header', 'someone-1', '', undefined]);
  });

  it('a parameter with a setter is redacted through it (the SDK casts the value there)', () => {
    const written: unknown[] = [];
    const param: Param = { key: 'token', value: 'auth-token-1', set: (v) => written.push(v) };
    redactSummary(summaryOf([{ request: { auth: { parameters: () => list([param]) } } }]), new Set());
    expect(written).toEqual([REDACTED]);
  });
});

describe('token responses: the token fields are collected', () => {
  const withBody = (text: string) => [{ response: { stream: Buffer.from(text) } }];

  it.each(['access_token', 'refresh_token', 'id_token'])('%s', (field) => {
    expect(secretsOf(withBody(JSON.stringify({ [field]: `resp-${field}`, token_type: 'Bearer' })))).toEqual([
      `resp-${field}`,
    ]);
  });

  it('an authorization response (it has `state`) gives its code', () => {
    expect(secretsOf(withBody('{"code":"auth-code-1","state":"state-1"}'))).toEqual(['auth-code-1']);
  });

  it('a `code` without `state` (an error answer) is not taken', () => {
    expect(secretsOf(withBody('{"code":"invalid_request_1","message":"no"}'))).toEqual([]);
  });

  it.each([['"a json string"'], ['42'], ['null'], ['[1,2]'], ['not json at all']])(
    'a body of %s gives none',
    (text) => {
      expect(secretsOf(withBody(text))).toEqual([]);
    },
  );

  it('a response with a text body and no stream is read too', () => {
    expect(secretsOf([{ response: { body: '{"access_token":"body-token-1"}' } }])).toEqual(['body-token-1']);
  });
});

describe('responses are redacted in the form they came in', () => {
  it('a body without a stream is redacted, and gets no stream', () => {
    const response: { body: string; stream?: Buffer } = { body: 'echo secret-1234' };
    redactSummary(summaryOf([{ response }]), new Set(['secret-1234']));
    expect(response).toEqual({ body: `echo ${REDACTED}` });
  });

  it('a stream without a body is redacted, and gets no body', () => {
    const response: { stream: Buffer; body?: string } = { stream: Buffer.from('echo secret-1234') };
    redactSummary(summaryOf([{ response }]), new Set(['secret-1234']));
    expect(response.stream.toString('utf8')).toBe(`echo ${REDACTED}`);
    expect(response).not.toHaveProperty('body');
  });
});

describe('odd shapes of an execution are redacted without an error', () => {
  const executions: Execution[] = [
    {},
    { request: {} },
    { request: { body: {}, auth: {} } },
    { request: { auth: { parameters: () => undefined } } },
    { request: { body: { mode: 'raw' } } },
  ];
  it('collecting', () => {
    expect(secretsOf(executions, ['known-1'])).toEqual(['known-1']);
  });
  it('redacting', () => {
    expect(() => redactSummary(summaryOf(executions), new Set(['known-1']))).not.toThrow();
  });
});

describe('failures: message and stack are redacted', () => {
  it('both', () => {
    const error: { message?: string; stack?: string } = {
      message: 'expected secret-1234',
      stack: 'AssertionError: expected secret-1234\n    at test',
    };
    redactSummary(summaryOf([], [], [{ error }]), new Set(['secret-1234']));
    expect(error).toEqual({
      message: `expected ${REDACTED}`,
      stack: `AssertionError: expected ${REDACTED}\n    at test`,
    });
  });

  it('a failure without a message gets an empty one', () => {
    const error: { message?: string } = {};
    redactSummary(summaryOf([], [], [{ error }]), new Set(['secret-1234']));
    expect(error).toEqual({ message: '' });
  });
});

describe('an HTML report escapes > and " too', () => {
  it('a secret with both is found in its HTML form', () => {
    expect(redactText('<td>a&gt;b&quot;c-1</td>', ['a>b"c-1'])).toBe(`<td>${REDACTED}</td>`);
  });
});
