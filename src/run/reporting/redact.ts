import type { NewmanRunSummary } from 'newman';

export const REDACTED = '[redacted]';

/** Environment variables whose values are secrets: never shown in a report. */
export const SECRET_VARIABLES: readonly string[] = [
  'clientSecret',
  'accessToken',
  'refreshToken',
  'pleoNarrowAccessToken',
  'pleoHarnessTokens',
  'apiKey',
  'bearerToken',
  'password',
];

/** Form fields of token requests that carry secrets (RFC 6749 §4.1.3, §6; RFC 7636 §4.5). */
const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'id_token', 'client_secret', 'code', 'code_verifier']);

/** Token response fields (RFC 6749 §5.1); `code` only in an authorization response, which has `state` too (§4.1.2). */
const TOKEN_RESPONSE_FIELDS = new Set(['access_token', 'refresh_token', 'id_token']);

/** Secrets shorter than this are not searched for in text (an empty or one-letter value would mangle reports). */
const MIN_SECRET_LENGTH = 4;

type Header = { key: string; value: string };
type Param = { key: string; value: string };
type SdkList<T> = { all(): T[] } | undefined;
type AuthParam = { key: string; value: unknown; set?: (value: unknown) => void };
type RequestLike = {
  headers?: SdkList<Header>;
  body?: { mode?: string; raw?: string; urlencoded?: SdkList<Param> };
  auth?: { parameters?: () => SdkList<AuthParam> };
};

/** Parameters of a request's resolved auth (oauth2, bearer, basic, apikey's `value`) that hold secrets. */
const SECRET_AUTH_PARAMS = new Set([
  'value',
  'clientSecret',
  'accessToken',
  'refreshToken',
  'token',
  'password',
  'code_verifier',
  'id_token',
]);
type ResponseLike = { stream?: Buffer; body?: string; text?: () => string };

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const isSecret = (value: unknown): value is string => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH;

/** The secrets inside an Authorization header value: a Bearer token, or a Basic header's password. */
export function authorizationSecrets(value: string): string[] {
  const [scheme = '', credentials = ''] = value.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return [credentials];
  if (!/^basic$/i.test(scheme)) return [credentials];
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return [credentials, password, formDecode(password)];
}

function secretFieldsOfJson(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object') return [];
    const authorizationResponse = 'state' in value;
    return Object.entries(value)
      .filter(
        ([key, v]) => (TOKEN_RESPONSE_FIELDS.has(key) || (authorizationResponse && key === 'code')) && isSecret(v),
      )
      .map(([, v]) => v as string);
  } catch {
    return [];
  }
}

const responseText = (response: ResponseLike | undefined): string =>
  response?.stream ? response.stream.toString('utf8') : (response?.body ?? '');

/** Every secret visible in a finished run: the secret variables, Authorization headers, token fields in bodies. */
export function collectSecrets(summary: NewmanRunSummary, known: Iterable<string> = []): Set<string> {
  const secrets = new Set<string>([...known].filter(isSecret));
  for (const key of SECRET_VARIABLES) {
    const value: unknown = summary.environment?.get(key);
    if (isSecret(value)) secrets.add(value);
  }
  for (const execution of summary.run.executions) {
    const request = execution.request as unknown as RequestLike | undefined;
    for (const header of request?.headers?.all() ?? []) {
      if (/^authorization$/i.test(header.key))
        for (const s of authorizationSecrets(String(header.value)).filter(isSecret)) secrets.add(s);
    }
    for (const param of request?.body?.urlencoded?.all() ?? [])
      if (SECRET_FIELDS.has(param.key) && isSecret(param.value)) secrets.add(param.value);
    // a token request item sends its form as a raw body (src/generate/scripts/token-item.ts)
    for (const [key, value] of new URLSearchParams(typeof request?.body?.raw === 'string' ? request.body.raw : ''))
      if (SECRET_FIELDS.has(key) && isSecret(value)) secrets.add(value);
    for (const param of request?.auth?.parameters?.()?.all() ?? [])
      if (SECRET_AUTH_PARAMS.has(param.key) && isSecret(param.value)) secrets.add(param.value);
    for (const s of secretFieldsOfJson(responseText(execution.response as unknown as ResponseLike))) secrets.add(s);
  }
  return secrets;
}

/** Longest first, so a secret that contains another is replaced whole. */
const bySize = (secrets: Iterable<string>) => [...secrets].filter(isSecret).sort((a, b) => b.length - a.length);

/** `application/x-www-form-urlencoded` as RFC 6749 §2.3.1 asks (and the collection's scripts do): `!'()*` encoded too. */
const rfcFormEncode = (text: string): string =>
  encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

const htmlEscape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

const jsonEscape = (text: string): string => JSON.stringify(text).slice(1, -1);

/**
 * Every spelling a secret travels in: as is; URL-encoded (encodeURIComponent, upper- or lower-case
 * hex); form-encoded the RFC 6749 way and the WHATWG URLSearchParams way (which differ on `!'()*~`
 * and spaces); each of them also JSON-escaped (a JSON report), JSON-escaped twice (a JSON string
 * inside JSON) and HTML-escaped (an HTML report).
 */
export function secretForms(secret: string): string[] {
  const encoded = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    rfcFormEncode(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ];
  return [
    ...new Set(encoded.flatMap((form) => [form, jsonEscape(form), jsonEscape(jsonEscape(form)), htmlEscape(form)])),
  ];
}

/**
 * The forms a client's credentials take in a Basic header (RFC 6749 §2.3.1: each part form-encoded
 * first; some clients skip that): the base64 credentials, to redact with the other secrets.
 */
export function basicCredentialForms(clientId: string, clientSecret: string): string[] {
  if (!isSecret(clientSecret)) return [];
  return [
    ...new Set([
      Buffer.from(`${rfcFormEncode(clientId)}:${rfcFormEncode(clientSecret)}`).toString('base64'),
      Buffer.from(`${clientId}:${clientSecret}`).toString('base64'),
    ]),
  ];
}

type Redact = (text: string) => string;

/**
 * A function that replaces every occurrence of a secret, in any of its forms (secretForms), by
 * [redacted]. The forms are worked out once: a summary has a few secrets and hundreds of texts.
 */
export function redactor(secrets: Iterable<string>): Redact {
  const forms = bySize([...secrets].filter(isSecret).flatMap(secretForms));
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(REDACTED);
    return out;
  };
}

/** Every occurrence of a secret, in any of its forms (secretForms), replaced by [redacted]. */
export function redactText(text: string, secrets: Iterable<string>): string {
  return redactor(secrets)(text);
}

function redactRequest(request: RequestLike | undefined, redact: Redact): void {
  for (const param of request?.auth?.parameters?.()?.all() ?? []) {
    if (!SECRET_AUTH_PARAMS.has(param.key) || param.value === '' || param.value === undefined) continue;
    if (param.set) param.set(REDACTED);
    else param.value = REDACTED;
  }
  for (const header of request?.headers?.all() ?? []) {
    if (/^(authorization|cookie)$/i.test(header.key)) header.value = REDACTED;
    else header.value = redact(String(header.value));
  }
  for (const param of request?.body?.urlencoded?.all() ?? []) {
    if (SECRET_FIELDS.has(param.key)) param.value = REDACTED;
  }
  if (request?.body && typeof request.body.raw === 'string') request.body.raw = redact(request.body.raw);
}

function redactResponse(response: ResponseLike | undefined, redact: Redact): void {
  if (!response) return;
  const text = responseText(response);
  const redacted = redact(text);
  if (redacted === text) return;
  if (response.stream) response.stream = Buffer.from(redacted, 'utf8');
  if (typeof response.body === 'string') response.body = redacted;
}

/**
 * Redacts a finished run's summary in place, before reporters read it: secret environment values,
 * Authorization headers, secret form fields, and any secret inside bodies and failure messages.
 */
export function redactSummary(summary: NewmanRunSummary, secrets: Set<string>): void {
  const redact = redactor(secrets);
  for (const key of SECRET_VARIABLES) {
    const value: unknown = summary.environment?.get(key);
    if (typeof value === 'string' && value.length > 0) summary.environment.set(key, REDACTED, 'secret');
  }
  for (const execution of summary.run.executions) {
    redactRequest(execution.request as unknown as RequestLike, redact);
    redactResponse(execution.response as unknown as ResponseLike, redact);
  }
  for (const failure of summary.run.failures) {
    failure.error.message = redact(String(failure.error.message ?? ''));
    if (typeof failure.error.stack === 'string') failure.error.stack = redact(failure.error.stack);
  }
}
