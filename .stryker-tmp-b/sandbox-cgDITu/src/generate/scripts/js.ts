/** Helpers to write readable sandbox JavaScript from TypeScript. */
// @ts-nocheck


/** A JavaScript literal for a JSON value (strings quoted and escaped). */
export const lit = (value: unknown): string => JSON.stringify(value);

/** Indents every non-empty line of a block by `spaces`. */
export function indent(source: string, spaces = 2): string {
  const pad = ' '.repeat(spaces);
  return source
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

/** `pm.test(name, function () { body });` */
export function pmTest(name: string, body: string): string {
  return `pm.test(${lit(name)}, function () {\n${indent(body)}\n});`;
}

/** Wraps a script in an IIFE: sandbox scripts share one scope, so nothing may leak between them. */
export function iife(body: string): string {
  return `(function () {\n${indent(body)}\n})();`;
}
