/**
 * Paths into a JSON value as captures and body variables write them: `data[0].id`, `companyId`,
 * `[0].accountingEntryId` (the same syntax the sandbox's readPath reads).
 */
// @ts-nocheck

export function pathSegments(path: string): string[] {
  return path.match(/[^.[\]]+/g) ?? [];
}

export function readValuePath(value: unknown, path: string): unknown {
  return pathSegments(path).reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

/** A copy of `value` with the value at `path` replaced (the path must exist). */
export function withValueAt(value: unknown, path: string, replacement: unknown): unknown {
  const [head, ...rest] = pathSegments(path);
  if (head === undefined) return replacement;
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = withValueAt(
    (value as Record<string, unknown>)[head],
    rest.join('.'),
    replacement,
  );
  return copy;
}
