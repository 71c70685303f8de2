// @ts-nocheck
import type { RawDescription, RawRequest } from '../description/raw.js';
import { changedParts } from './import.js';

export interface FolderSummary {
  folder: string;
  added: string[];
  changed: Array<{ name: string; parts: string[] }>;
  removed: string[];
  unchanged: number;
}

const REMOVED_NOTE = 'Removed: no longer in the OpenAPI documents (kept until import-openapi --prune).';

/**
 * A request's identity across imports: its operation (`METHOD /path`, parameter names blanked) and,
 * for an operation used by several requests, which of them (in order). A renamed request is changed,
 * not removed and added.
 */
function identities(
  description: RawDescription | undefined,
): Array<{ id: string; folder: string; request: RawRequest }> {
  const seen = new Map<string, number>();
  return (description?.folders ?? []).flatMap((folder) =>
    folder.requests.map((request) => {
      const op = `${request.method} ${request.path.replace(/\{[^{}]+\}/g, '{}')}`;
      const n = seen.get(op) ?? 0;
      seen.set(op, n + 1);
      return { id: `${op} #${n}`, folder: folder.name, request };
    }),
  );
}

/**
 * Compares a fresh import with the description it replaces: per folder, what was added, what
 * changed (and which parts), what the documents no longer have, and how many stayed as they were.
 * Removed requests are kept (marked in their description) unless `prune`.
 */
export function reconcile(
  fresh: RawDescription,
  previous: RawDescription | undefined,
  prune: boolean,
): { description: RawDescription; summary: FolderSummary[] } {
  const before = new Map(identities(previous).map((e) => [e.id, e]));
  const summary = new Map<string, FolderSummary>();
  const of = (folder: string) => {
    let s = summary.get(folder);
    if (!s) {
      s = { folder, added: [], changed: [], removed: [], unchanged: 0 };
      summary.set(folder, s);
    }
    return s;
  };
  const seen = new Set<string>();
  for (const { id, folder, request } of identities(fresh)) {
    seen.add(id);
    const old = before.get(id);
    if (!old) of(folder).added.push(request.name);
    else {
      const parts = changedParts(old.request, request);
      if (old.folder !== folder) parts.unshift('folder');
      if (parts.length > 0) of(folder).changed.push({ name: request.name, parts });
      else of(folder).unchanged++;
    }
  }
  const description = structuredClone(fresh);
  for (const [id, { folder, request }] of before) {
    if (seen.has(id)) continue;
    of(folder).removed.push(request.name);
    if (prune) continue;
    let target = description.folders.find((f) => f.name === folder);
    if (!target) {
      target = { name: folder, requests: [] };
      description.folders.push(target);
    }
    const marked = request.description?.startsWith('Removed:')
      ? request
      : { ...request, description: `${REMOVED_NOTE}${request.description ? `\n\n${request.description}` : ''}` };
    target.requests.push(marked);
  }
  return { description, summary: [...summary.values()] };
}

/** The summary as lines: one per folder with changes, and a total. */
export function formatSummary(summary: readonly FolderSummary[], prune: boolean): string[] {
  const lines: string[] = [];
  for (const s of summary) {
    const parts = [
      `${s.added.length} added`,
      `${s.changed.length} changed`,
      `${s.removed.length} removed${s.removed.length > 0 && !prune ? ' (kept until --prune)' : ''}`,
      `${s.unchanged} unchanged`,
    ];
    lines.push(`${s.folder}: ${parts.join(', ')}`);
    for (const name of s.added) lines.push(`  + ${name}`);
    for (const c of s.changed) lines.push(`  ~ ${c.name} (${c.parts.join(', ')})`);
    for (const name of s.removed) lines.push(`  - ${name}`);
  }
  return lines;
}
