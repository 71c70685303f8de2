// @ts-nocheck
import type { RawDescription, RawRequest } from '../description/raw.js';
import { pointerOf } from '../description/problem.js';
import { parseDocumentText } from './load.js';
import { sourceProblem, type SourceProblem } from './problems.js';

/** A hand-kept addition to one imported request; deep-merged over it (objects merge, everything else replaces). */
export type OverlayRequest = Partial<RawRequest> & { folder?: string };

/**
 * What people add by hand beside what the documents say. Kept in its own file so a re-import is a
 * readable diff of the generated description, and the overlay a readable list of hand decisions.
 */
export interface Overlay {
  file: string;
  info?: Partial<RawDescription['info']>;
  environments?: RawDescription['environments'];
  auth?: Partial<RawDescription['auth']>;
  defaults?: RawDescription['defaults'];
  /** Scope catalogue entries that replace or add to the imported ones. */
  scopes?: RawDescription['scopes'];
  /** Folder order and names: which tags each folder gathers; tags not listed keep their own folder, after these. */
  folders?: Array<{ name: string; tags?: string[]; description?: string }>;
  /** `METHOD /path` → additions; a list makes one request per entry (e.g. two uses of one operation). */
  requests?: Record<string, OverlayRequest | OverlayRequest[]>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `over` written onto `base`: objects merge key by key, arrays and scalars replace; `null` deletes. */
export function deepMerge<T>(base: T, over: unknown): T {
  if (!isRecord(base) || !isRecord(over)) return structuredClone(over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    else out[key] = key in out ? deepMerge(out[key], value) : structuredClone(value);
  }
  return out as T;
}

const KEYS = ['info', 'environments', 'auth', 'defaults', 'scopes', 'folders', 'requests'];

/** Parses an overlay file; problems name the file and the pointer. */
export function parseOverlay(text: string, file: string): { overlay: Overlay } | { problems: SourceProblem[] } {
  const parsed = parseDocumentText(text, file);
  if ('problem' in parsed) return { problems: [parsed.problem] };
  if (!isRecord(parsed.value))
    return { problems: [sourceProblem(file, 'OVERLAY_INVALID', '', 'an overlay is a mapping')] };
  const problems: SourceProblem[] = [];
  for (const key of Object.keys(parsed.value)) {
    if (!KEYS.includes(key))
      problems.push(
        sourceProblem(file, 'OVERLAY_INVALID', pointerOf(key), `unknown key "${key}" (known: ${KEYS.join(', ')})`),
      );
  }
  const requests = parsed.value.requests;
  if (requests !== undefined && !isRecord(requests))
    problems.push(sourceProblem(file, 'OVERLAY_INVALID', '/requests', 'requests maps "METHOD /path" to additions'));
  for (const key of Object.keys(isRecord(requests) ? requests : {})) {
    if (!/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/.test(key))
      problems.push(
        sourceProblem(file, 'OVERLAY_INVALID', pointerOf('requests', key), `"${key}" is not "METHOD /path"`),
      );
  }
  return problems.length > 0 ? { problems } : { overlay: { ...(parsed.value as Omit<Overlay, 'file'>), file } };
}
