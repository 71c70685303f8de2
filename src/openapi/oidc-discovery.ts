import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isUrl } from './is-url.js';
import type { LoadedDocument } from './types.js';

/**
 * OpenID Connect discovery documents the importer reads: only local files, never the network (an
 * import reads only files, so `--check` and its fingerprint mean the same everywhere). An
 * `openIdConnectUrl` is a local file when it is a `file:` URL, or a relative reference that names a
 * file beside the OpenAPI document (a copy kept with it); an `https:` URL is left as it is, with a note.
 * @see [OpenID Connect Discovery 1.0 §3](https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata)
 */

/** What a local discovery document gave: its endpoints, or why it gave none. Keyed `file#Scheme`. */
export type Discovery =
  | { file: string; authorizationUrl?: string; tokenUrl: string }
  | { file: string; authorizationUrl: string; tokenUrl?: string }
  | { file: string; failure: string };

/** The local file an `openIdConnectUrl` of the document at `documentPath` names, if it names one. */
export function localDiscoveryFile(url: unknown, documentPath: string): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  if (/^file:/i.test(url)) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined;
    }
  }
  if (isUrl(url)) return undefined;
  const path = join(dirname(documentPath), url.split(/[?#]/)[0] ?? '');
  return existsSync(path) ? path : undefined;
}

/** The `openIdConnectUrl`s of a document's text, without parsing it (for the import's input hash). */
export function discoveryUrlsOfText(text: string): string[] {
  return [...text.matchAll(/["']?openIdConnectUrl["']?\s*:\s*["']?([^"'\s,}]+)/g)].map((m) => m[1] ?? '');
}

const endpoint = (value: unknown): string | undefined =>
  typeof value === 'string' && /^https?:\/\/[^/]/i.test(value) ? value : undefined;

/** Reads one discovery document (JSON, or YAML): its `authorization_endpoint` and `token_endpoint`. */
export async function readDiscovery(file: string): Promise<Discovery> {
  let value: unknown;
  try {
    value = load(await readFile(file, 'utf8'), { schema: CORE_SCHEMA });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    return { file, failure: `cannot be read (${reason})` };
  }
  const metadata = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const authorizationUrl = endpoint(metadata.authorization_endpoint);
  const tokenUrl = endpoint(metadata.token_endpoint);
  if (authorizationUrl !== undefined) return { file, authorizationUrl, ...(tokenUrl ? { tokenUrl } : {}) };
  if (tokenUrl !== undefined) return { file, tokenUrl };
  return { file, failure: 'names neither an authorization_endpoint nor a token_endpoint that is an HTTP URL' };
}

/** Every local discovery document the documents' OpenID Connect schemes name, read once each. */
export async function readDiscoveries(docs: readonly LoadedDocument[]): Promise<Map<string, Discovery>> {
  const found = new Map<string, Discovery>();
  for (const doc of docs)
    for (const [name, scheme] of Object.entries(doc.document.components?.securitySchemes ?? {})) {
      if (scheme?.type !== 'openIdConnect') continue;
      const file = localDiscoveryFile(scheme.openIdConnectUrl, doc.path);
      if (file !== undefined) found.set(`${doc.path}#${name}`, await readDiscovery(file));
    }
  return found;
}
