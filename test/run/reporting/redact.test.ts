import { describe, expect, it } from 'vitest';
import { Request, Response, VariableScope } from 'postman-collection';
import { authorizationSecrets, collectSecrets, redactSummary, redactText, REDACTED } from '../../../src/run/index.js';
import { basicCredentialForms } from '../../../src/run/reporting/redact.js';
import type { Json } from '../../helpers/json.js';

describe('redactText', () => {
  it.each([
    ['plain', 'token abc123xyz here', ['abc123xyz'], `token ${REDACTED} here`],
    ['JSON-escaped', '{"v":"a\\"b\\\\c-secret"}', ['a"b\\c-secret'], `{"v":"${REDACTED}"}`],
    ['URL-encoded', 'refresh_token=a%2Fb%2Bc%3D', ['a/b+c='], `refresh_token=${REDACTED}`],
    ['HTML-escaped', '<td>x&amp;y&lt;z</td>', ['x&y<z'], `<td>${REDACTED}</td>`],
    ['longest first', 'AAAABBBB', ['AAAA', 'AAAABBBB'], REDACTED],
    ['too short to search for', 'abc', ['abc'], 'abc'],
    ['nothing to do', 'hello', [], 'hello'],
  ])('%s', (_name, text, secrets, want) => {
    expect(redactText(text, secrets)).toBe(want);
  });
});

// Issue 18 item 9: a token with characters that form-encoding changes, in every form it travels in.
describe("redactText, every form of a secret with ! ' ( ) * ~ and a space", () => {
  const token = "rt!a'b(c)d*e~f g/h";
  const rfcForm = 'rt%21a%27b%28c%29d*e~f+g%2Fh'.replace('*', '%2A');
  it.each([
    ['raw', token],
    ['URL-encoded', encodeURIComponent(token)],
    ['URL-encoded, lower-case hex', encodeURIComponent(token).toLowerCase().replace(/rt/, 'rt')],
    ['form-encoded (RFC 6749)', rfcForm],
    ['form-encoded (URLSearchParams)', new URLSearchParams({ t: token }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(token).slice(1, -1)],
    ['form-encoded inside JSON', JSON.stringify(rfcForm).slice(1, -1)],
    ['JSON inside JSON', JSON.stringify(JSON.stringify({ t: token }))],
    ['HTML-escaped', token.replace(/'/g, '&#x27;')],
  ])('%s', (_name, form) => {
    const text = `before ${form} after`;
    expect(redactText(text, [token])).not.toContain(form.includes('"t"') ? token : form);
    expect(redactText(text, [token])).toMatch(/^before .*\[redacted\].* after$/);
  });

  it('a client secret in a Basic header, form-encoded or not', () => {
    const id = 'client-1';
    const secret = "s!e'c(r)e*t";
    const rfc = Buffer.from(
      `${id}:${encodeURIComponent(secret).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    ).toString('base64');
    const plain = Buffer.from(`${id}:${secret}`).toString('base64');
    const forms = basicCredentialForms(id, secret);
    expect(forms).toEqual(expect.arrayContaining([rfc, plain]));
    expect(redactText(`Authorization: Basic ${rfc}; again Basic ${plain}`, forms)).toBe(
      `Authorization: Basic ${REDACTED}; again Basic ${REDACTED}`,
    );
  });
});

describe('authorizationSecrets', () => {
  const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
  it.each([
    ['Bearer', 'Bearer tok-123', ['tok-123']],
    ['bearer, any case', 'bearer tok-123', ['tok-123']],
    [
      'Basic: the header and the password',
      basic('client:s3cret'),
      [basic('client:s3cret').slice(6), 's3cret', 's3cret'],
    ],
    ['Basic with a form-encoded password', basic('client:a+b%21'), [basic('client:a+b%21').slice(6), 'a+b%21', 'a b!']],
  ])('%s', (_name, header, want) => {
    expect(authorizationSecrets(header)).toEqual(want);
  });
});

describe('redactSummary', () => {
  const summaryWith = () => {
    const environment = new VariableScope({
      values: [
        { key: 'clientSecret', value: 'client-secret-1' },
        { key: 'refreshToken', value: 'refresh-1' },
        { key: 'apiBaseUrl', value: 'http://127.0.0.1:1' },
      ],
    } as never);
    const request = new Request({
      url: 'http://127.0.0.1:1/oauth/token',
      method: 'POST',
      header: [
        { key: 'Authorization', value: 'Bearer access-1' },
        { key: 'Accept', value: 'application/json' },
      ],
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'grant_type', value: 'refresh_token' },
          { key: 'refresh_token', value: 'refresh-0' },
        ],
      },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: 'access-1' }] },
    } as never);
    const response = new Response({
      code: 200,
      stream: Buffer.from('{"access_token":"access-2","refresh_token":"refresh-2","token_type":"Bearer"}'),
    } as never);
    const execution = { request, response, assertions: [] };
    return {
      environment,
      run: {
        executions: [execution, execution],
        failures: [{ error: { message: 'got access-2', test: 't', name: 'AssertionError' } }],
      },
    } as never;
  };

  it('finds the secrets of variables, headers, auth, token requests and token responses', () => {
    expect([...collectSecrets(summaryWith(), ['known-secret'])].sort()).toEqual([
      'access-1',
      'access-2',
      'client-secret-1',
      'known-secret',
      'refresh-0',
      'refresh-1',
      'refresh-2',
    ]);
  });

  it('redacts them in place, and leaves the rest alone', () => {
    const summary = summaryWith() as Json;
    redactSummary(summary as never, collectSecrets(summary as never));
    expect(summary.environment.get('clientSecret')).toBe(REDACTED);
    expect(summary.environment.get('refreshToken')).toBe(REDACTED);
    expect(summary.environment.get('apiBaseUrl')).toBe('http://127.0.0.1:1');
    const [{ request, response }] = summary.run.executions;
    expect(request.headers.get('Authorization')).toBe(REDACTED);
    expect(request.headers.get('Accept')).toBe('application/json');
    expect(request.body.urlencoded.toObject()).toEqual({ grant_type: 'refresh_token', refresh_token: REDACTED });
    expect(request.auth.parameters().toObject()).toEqual({ token: REDACTED });
    expect(response.text()).toBe(`{"access_token":"${REDACTED}","refresh_token":"${REDACTED}","token_type":"Bearer"}`);
    expect(summary.run.failures[0].error.message).toBe(`got ${REDACTED}`);
  });
});
