import { distance } from 'fastest-levenshtein';

/**
 * The name a mistyped `given` most likely meant: the same name in other case, else the nearest of
 * the names within a few edits (two, or a third of its length) or that it begins (`prod` → `production`).
 * Undefined when none is that close.
 */
export function closestName(given: string, names: readonly string[]): string | undefined {
  const typed = given.toLowerCase();
  let best: { name: string; edits: number } | undefined;
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower === typed) return name;
    const edits = distance(typed, lower);
    const close = edits <= Math.max(2, Math.floor(lower.length / 3)) || (typed.length >= 3 && lower.startsWith(typed));
    if (close && (best === undefined || edits < best.edits)) best = { name, edits };
  }
  return best?.name;
}

/** `; did you mean "production"?`, or '' when nothing is close. */
export function didYouMean(given: string, names: readonly string[], quote = (name: string) => `"${name}"`): string {
  const name = closestName(given, names);
  return name === undefined ? '' : `; did you mean ${quote(name)}?`;
}
