// @ts-nocheck
export type Severity = 'error' | 'warning';

/** One thing wrong with a description, located by JSON pointer; turned into file:line:col when printed. */
export interface Problem {
  severity: Severity;
  code: string;
  message: string;
  /** JSON pointer into the description, e.g. `/folders/0/requests/2/scopes/0`. */
  pointer: string;
  /** Character offset in the source, when known directly (YAML syntax errors); wins over `pointer`. */
  offset?: number;
  /** Point at the key of the last segment instead of its value (for unknown keys). */
  atKey?: boolean;
  /** What to do about it. */
  hint?: string;
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...segments: Array<string | number>): string {
  return segments.map((s) => `/${escapePointerSegment(s)}`).join('');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export const error = (code: string, pointer: string, message: string, hint?: string): Problem => ({
  severity: 'error',
  code,
  pointer,
  message,
  ...(hint ? { hint } : {}),
});
