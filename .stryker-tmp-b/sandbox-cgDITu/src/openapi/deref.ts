// @ts-nocheck
import { pointerSegments } from '../description/problem.js';
import type { OpenApiDocument, OpenApiObject } from './types.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Follows a local `$ref` (`#/components/responses/NotFound`, …) of a bundled document to the object it
 * names; schemas are not followed (they stay named). A chain of refs is followed to its end, a cycle or
 * a missing target gives undefined.
 * @see https://spec.openapis.org/oas/v3.2.0.html#reference-object
 */
export function derefObject(
  document: OpenApiDocument,
  value: unknown,
  seen: readonly string[] = [],
): OpenApiObject | undefined {
  if (!isRecord(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  if (!ref.startsWith('#') || seen.includes(ref)) return undefined;
  const target = pointerSegments(ref.slice(1)).reduce<unknown>(
    (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
    document,
  );
  return derefObject(document, target, [...seen, ref]);
}
