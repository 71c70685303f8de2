import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isUrl } from './is-url.js';

/**
 * The files a document's `$ref`s name, found in its text without parsing it (for the import's input
 * hash): the part of each `$ref` before `#`, resolved against the file that holds it, as
 * @apidevtools/json-schema-ref-parser resolves it. Local refs (`#/…`) and URLs name no file (the
 * import reads no network).
 */
export function refFilesOfText(text: string, file: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/["']?\$ref["']?\s*:\s*["']?([^"'\s,}]+)/g)) {
    const target = (match[1] ?? '').split('#')[0] ?? '';
    if (target === '' || isUrl(target)) continue;
    found.add(resolve(dirname(file), decoded(target)));
  }
  return [...found];
}

function decoded(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/**
 * Every file reached from `documents` through `$ref`s, transitively, each once, in the order found,
 * with its content; the documents themselves are left out. Rejects when one cannot be read (the import
 * then reports it).
 */
export async function externalRefFiles(
  documents: ReadonlyArray<{ path: string; text: string }>,
): Promise<Array<{ path: string; content: Buffer }>> {
  const seen = new Set(documents.map((d) => resolve(d.path)));
  const files: Array<{ path: string; content: Buffer }> = [];
  let next = documents.flatMap((d) => refFilesOfText(d.text, d.path)).filter((p) => !seen.has(p));
  while (next.length > 0) {
    const batch = [...new Set(next)].filter((p) => !seen.has(p));
    for (const path of batch) seen.add(path);
    const contents = await Promise.all(batch.map((path) => readFile(path)));
    next = [];
    batch.forEach((path, i) => {
      files.push({ path, content: contents[i]! });
      next.push(...refFilesOfText(contents[i]!.toString('utf8'), path).filter((p) => !seen.has(p)));
    });
  }
  return files;
}
