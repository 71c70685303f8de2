// @ts-nocheck
import type { ScopeConfidence } from '../description/model.js';
import { pointerOf } from '../description/problem.js';
import { parseDocumentText } from './load.js';
import { sourceProblem, type SourceProblem } from './problems.js';

/** One entry of a scopes map: `METHOD /path/pattern` → the scopes the operation needs. */
export interface ScopeRule {
  method: string;
  pattern: RegExp;
  match: string;
  scopes: string[];
  note?: string;
}

export interface ScopesMap {
  file: string;
  text: string;
  /** The scope catalogue: name → description and confidence. */
  scopes: Record<string, { description: string; confidence: ScopeConfidence }>;
  rules: ScopeRule[];
}

const CONFIDENCES = ['documented', 'inferred', 'example-only'];

/** `*` matches within one path segment, `**` across segments; everything else literally. */
function patternOf(path: string): RegExp {
  const source = path
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Parses a scopes map (YAML): `scopes` is the catalogue (`name: { description, confidence }`),
 * `operations` a list of `{ match: 'METHOD /path/pattern', scopes: [...] }`, first match wins.
 */
export function parseScopesMap(text: string, file: string): { map: ScopesMap } | { problems: SourceProblem[] } {
  const parsed = parseDocumentText(text, file);
  if ('problem' in parsed) return { problems: [parsed.problem] };
  const value = parsed.value as { scopes?: unknown; operations?: unknown } | null;
  const problems: SourceProblem[] = [];
  const bad = (pointer: string, message: string) =>
    problems.push(sourceProblem(file, 'SCOPES_MAP_INVALID', pointer, message));
  const scopes: ScopesMap['scopes'] = {};
  if (typeof value?.scopes !== 'object' || value.scopes === null) bad('', 'a scopes map needs a "scopes" catalogue');
  else {
    for (const [name, def] of Object.entries(value.scopes as Record<string, unknown>)) {
      const d = def as { description?: unknown; confidence?: unknown } | null;
      if (typeof d?.description !== 'string') bad(pointerOf('scopes', name), `scope "${name}" needs a description`);
      else if (d.confidence !== undefined && !CONFIDENCES.includes(String(d.confidence)))
        bad(pointerOf('scopes', name, 'confidence'), `confidence must be one of ${CONFIDENCES.join(', ')}`);
      else scopes[name] = { description: d.description, confidence: (d.confidence as ScopeConfidence) ?? 'documented' };
    }
  }
  const rules: ScopeRule[] = [];
  if (!Array.isArray(value?.operations)) bad('', 'a scopes map needs an "operations" list');
  else {
    value.operations.forEach((entry: unknown, i: number) => {
      const e = entry as { match?: unknown; scopes?: unknown; note?: unknown } | null;
      const m = typeof e?.match === 'string' ? /^([A-Z*]+)\s+(\/\S*)$/.exec(e.match) : null;
      if (!m?.[1] || !m[2]) {
        bad(pointerOf('operations', i, 'match'), 'match must be "METHOD /path/pattern"');
        return;
      }
      if (!Array.isArray(e?.scopes)) {
        bad(pointerOf('operations', i, 'scopes'), 'scopes must be a list');
        return;
      }
      e.scopes.forEach((scope: unknown, j: number) => {
        if (typeof scope !== 'string' || !(scope in scopes))
          bad(pointerOf('operations', i, 'scopes', j), `scope "${String(scope)}" is not in the map's catalogue`);
      });
      rules.push({
        method: m[1],
        pattern: patternOf(m[2]),
        match: e.match as string,
        scopes: e.scopes as string[],
        ...(typeof e.note === 'string' ? { note: e.note } : {}),
      });
    });
  }
  return problems.length > 0 ? { problems } : { map: { file, text, scopes, rules } };
}

/** The first rule of the map that matches an operation. */
export function matchScopes(map: ScopesMap, method: string, path: string): ScopeRule | undefined {
  return map.rules.find((rule) => (rule.method === '*' || rule.method === method) && rule.pattern.test(path));
}
