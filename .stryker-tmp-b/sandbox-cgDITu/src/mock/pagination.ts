// @ts-nocheck
import { isObject, type JsonObject } from './resource-model.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Pleo's cursor pattern. */
export const CURSOR_PATTERN = /^[A-Z2-7=~]+$/;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const PAGINATION_PARAMS = ['limit', 'after', 'before'];

/** @see [RFC 4648 §6](https://www.rfc-editor.org/rfc/rfc4648.html#section-6) */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return undefined;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}

/** An opaque cursor for a position between items (0 = before the first): base32 of the number. */
export const encodeCursor = (position: number): string => base32Encode(new TextEncoder().encode(String(position)));

export function decodeCursor(cursor: string): number | undefined {
  if (!CURSOR_PATTERN.test(cursor)) return undefined;
  const bytes = base32Decode(cursor);
  const text = bytes === undefined ? '' : new TextDecoder().decode(bytes);
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

export interface PageRequest {
  limit: number;
  after?: string;
  before?: string;
}

/** A page as [start, end) over the matching records. */
export interface PageWindow {
  start: number;
  end: number;
}

function pick(query: URLSearchParams, body: unknown, name: string): unknown {
  return query.get(name) ?? (isObject(body) ? body[name] : undefined) ?? undefined;
}

/** limit / after / before from the query, or from a search body; a string says what is wrong. */
export function readPageRequest(query: URLSearchParams, body: unknown): PageRequest | string {
  const rawLimit = pick(query, body, 'limit');
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== undefined && rawLimit !== null) {
    const n =
      typeof rawLimit === 'number'
        ? rawLimit
        : typeof rawLimit === 'string' && /^\d{1,4}$/.test(rawLimit)
          ? Number(rawLimit)
          : NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) return `limit: must be an integer from 1 to ${MAX_LIMIT}`;
    limit = n;
  }
  const after = pick(query, body, 'after');
  const before = pick(query, body, 'before');
  if (after !== undefined && after !== null && before !== undefined && before !== null)
    return 'after and before cannot be combined';
  for (const [name, cursor] of [
    ['after', after],
    ['before', before],
  ] as const) {
    if (cursor !== undefined && cursor !== null && (typeof cursor !== 'string' || decodeCursor(cursor) === undefined)) {
      return `${name}: not a valid cursor`;
    }
  }
  return {
    limit,
    ...(typeof after === 'string' ? { after } : {}),
    ...(typeof before === 'string' ? { before } : {}),
  };
}

/** `after` starts at its position, `before` ends at it; positions past the end are clamped. */
export function pageWindow(total: number, request: PageRequest): PageWindow {
  const clamp = (n: number): number => Math.min(Math.max(n, 0), total);
  if (request.before !== undefined) {
    const end = clamp(decodeCursor(request.before) ?? total);
    return { start: Math.max(0, end - request.limit), end };
  }
  const start = clamp(request.after !== undefined ? (decodeCursor(request.after) ?? 0) : 0);
  return { start, end: Math.min(total, start + request.limit) };
}

/**
 * Pleo's CursorPageInfo for a page, in the example's shape: its currentRequestPagination keys
 * (limit, the cursor given, the query parameters if it lists them), start and end cursors,
 * hasNextPage, hasPreviousPage and total.
 */
export function paginationObject(
  example: unknown,
  window: PageWindow,
  total: number,
  request: PageRequest,
  query: URLSearchParams,
): JsonObject {
  const base = isObject(example) ? example : {};
  const current: JsonObject = isObject(base.currentRequestPagination) ? { ...base.currentRequestPagination } : {};
  delete current.after;
  delete current.before;
  current.limit = request.limit;
  if (request.after !== undefined) current.after = request.after;
  if (request.before !== undefined) current.before = request.before;
  if ('offset' in current) current.offset = window.start;
  if ('parameters' in current) {
    const parameters: Record<string, string[]> = {};
    for (const name of new Set(query.keys()))
      if (!PAGINATION_PARAMS.includes(name)) parameters[name] = query.getAll(name);
    current.parameters = parameters;
  }
  return {
    ...base,
    currentRequestPagination: current,
    startCursor: encodeCursor(window.start),
    endCursor: encodeCursor(window.end),
    hasNextPage: window.end < total,
    hasPreviousPage: window.start > 0,
    total,
  };
}
