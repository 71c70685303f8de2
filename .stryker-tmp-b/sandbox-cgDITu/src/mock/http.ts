// @ts-nocheck
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Largest request body the mock reads; anything bigger is answered with 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;
/** Past this many bytes the mock stops draining an oversized body and drops the connection. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** A request as the handlers see it: fully read, with the raw (still percent-encoded) path and query. */
export interface MockRequest {
  method: string;
  pathname: string;
  /** The query string without its `?`, undecoded. */
  search: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** Undefined: no body. */
  body?: string;
}

export type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/** Reads a request body, keeping at most `limit` bytes; a longer body is drained and reported. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? { kind: 'too-large' } : { kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) resolve({ kind: 'aborted' });
    });
  });
}

/** Splits a request target into its path and query; undefined for anything but origin-form. */
export function splitTarget(target: string | undefined): { pathname: string; search: string } | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined;
  const q = target.indexOf('?');
  return q < 0 ? { pathname: target, search: '' } : { pathname: target.slice(0, q), search: target.slice(q + 1) };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: {
      'Content-Type': 'text/html;charset=UTF-8',
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      ...headers,
    },
    body: html,
  };
}

export function redirectResponse(location: string): MockResponse {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}

/** Form or query parameters, with what went wrong while reading them. */
export interface Params {
  values: Map<string, string>;
  /** Names that appeared more than once (their first value is kept). */
  repeated: string[];
  /** Some name or value was not valid percent-encoded UTF-8. */
  malformed: boolean;
}

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Parses `application/x-www-form-urlencoded` text strictly: nothing is silently dropped or merged,
 * so the OAuth endpoints can refuse repeated parameters.
 * @see [RFC 6749 §3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-3.1) "parameters MUST NOT be included more than once"
 */
export function parseParams(text: string): Params {
  const params: Params = { values: new Map(), repeated: [], malformed: false };
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1));
    if (name === undefined || value === undefined) {
      params.malformed = true;
      continue;
    }
    if (params.values.has(name)) {
      if (!params.repeated.includes(name)) params.repeated.push(name);
      continue;
    }
    params.values.set(name, value);
  }
  return params;
}

/** Decodes a body as UTF-8, or undefined when it is not valid UTF-8. */
export function decodeUtf8(body: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

/** The media type (lower case) and charset of a Content-Type header. */
export function mediaType(header: string | undefined): { type: string; charset?: string } | undefined {
  if (header === undefined) return undefined;
  const [type = '', ...rest] = header.split(';');
  const charset = rest
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  return { type: type.trim().toLowerCase(), ...(charset !== undefined ? { charset } : {}) };
}

/** Whether the Content-Type is `expected` with no charset or UTF-8. */
export function isContentType(header: string | undefined, expected: string): boolean {
  const parsed = mediaType(header);
  return (
    parsed !== undefined && parsed.type === expected && (parsed.charset === undefined || parsed.charset === 'utf-8')
  );
}

/** First value of a header that may have been sent more than once. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
