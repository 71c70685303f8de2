// @ts-nocheck
import type { Param } from './model.js';

const VARIABLE = /\{\{[^{}]*?\}\}/g;

/** `&` and `#` (and `=` in a key) outside `{{variables}}` are percent-encoded; the rest is written as is. */
function encodeReserved(text: string, encodeEquals: boolean): string {
  const encode = (part: string) => {
    const out = part.replace(/&/g, '%26').replace(/#/g, '%23');
    return encodeEquals ? out.replace(/=/g, '%3D') : out;
  };
  let result = '';
  let pointer = 0;
  for (const match of text.matchAll(VARIABLE)) {
    result += encode(text.slice(pointer, match.index)) + match[0];
    pointer = match.index + match[0].length;
  }
  return result + encode(text.slice(pointer));
}

/**
 * The query string of a raw URL as Postman writes it: enabled parameters only, `key=value` joined
 * by `&`, reserved characters encoded outside variables (the rule of postman-collection's
 * `QueryParam.unparse`, so Postman reads back the same parameters).
 */
export function unparseQuery(params: readonly Param[]): string {
  return params
    .filter((p) => p.disabled !== true)
    .map((p) => `${encodeReserved(p.key, true)}=${encodeReserved(p.value, false)}`)
    .join('&');
}
