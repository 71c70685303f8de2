// @ts-nocheck
import { pointerSegments } from '../description/problem.js';

function refsOf(node: unknown, found: string[]): string[] {
  if (Array.isArray(node)) for (const item of node) refsOf(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsOf(value, found);
    }
  }
  return found;
}

function resolvesIn(document: unknown, ref: string): boolean {
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return false;
  }
  if (pointer !== '' && !pointer.startsWith('/')) return false;
  let node = document;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

/**
 * True when every `$ref` of the document points into the document itself, at something that is
 * there. Bundling such a document changes nothing (local refs stay refs), so the ref resolver,
 * whose bundling grows with refs times definitions, is only needed for the others: a ref to
 * another file, or one that points nowhere (which it then reports).
 */
export function onlyLocalRefsThatResolve(document: unknown): boolean {
  return refsOf(document, []).every((ref) => ref.startsWith('#') && resolvesIn(document, ref));
}
