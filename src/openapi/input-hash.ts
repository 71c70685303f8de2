import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { defaultOverlayPath, PLEO_SCOPES_MAP, type ImportOpenApiOptions } from './index.js';
import { intactStamp, type ImportStamp } from '../description/import-stamp.js';
import { importerVersion } from '../shared/importer-version.js';
import { externalRefFiles } from './external-refs.js';
import { discoveryUrlsOfText, localDiscoveryFile } from './oidc-discovery.js';

/**
 * A hash of everything an import reads and is told: the importer's version, the options, and each
 * input file by path and content (the documents, the overlay, the scopes map, the local OpenID
 * Connect discovery documents the documents name, and the files their `$ref`s reach, found in their
 * text). Files the import
 * would only read for some documents (the default scopes map, applied to Pleo's) are hashed whenever
 * they exist, so the hash is known without parsing anything. Undefined when an input cannot be read:
 * then the import runs and reports it.
 */
export async function importInputHash(options: ImportOpenApiOptions): Promise<string | undefined> {
  const overlay =
    options.overlay ?? (existsSync(defaultOverlayPath(options.into)) ? defaultOverlayPath(options.into) : undefined);
  const scopesMap = options.scopesMap ?? (existsSync(PLEO_SCOPES_MAP) ? `${PLEO_SCOPES_MAP} (default)` : undefined);
  const files = [
    ...options.files.map((path) => ({ role: 'document', path, read: path })),
    ...(overlay ? [{ role: 'overlay', path: overlay, read: overlay }] : []),
    ...(scopesMap ? [{ role: 'scopes map', path: scopesMap, read: options.scopesMap ?? PLEO_SCOPES_MAP }] : []),
  ];
  let contents: Buffer[];
  try {
    contents = await Promise.all(files.map((f) => readFile(f.read)));
    const discovery = options.files.flatMap((path, i) =>
      discoveryUrlsOfText(contents[i]!.toString('utf8')).flatMap((url) => {
        const file = localDiscoveryFile(url, path);
        return file ? [{ role: 'OpenID Connect discovery', path: file, read: file }] : [];
      }),
    );
    files.push(...discovery);
    contents.push(...(await Promise.all(discovery.map((f) => readFile(f.read)))));
    const documents = options.files.map((path, i) => ({ path, text: contents[i]!.toString('utf8') }));
    for (const ref of await externalRefFiles(documents)) {
      // Relative to where the import runs, as the documents' own paths are: the hash is the same in any clone.
      const path = relative(process.cwd(), ref.path).split(sep).join('/');
      files.push({ role: 'referenced file', path, read: ref.path });
      contents.push(ref.content);
    }
  } catch {
    return undefined;
  }
  const hash = createHash('sha256').update(
    `${JSON.stringify({
      importer: importerVersion(),
      into: options.into,
      prune: options.prune ?? false,
      includeHidden: options.includeHidden ?? false,
      includeDeprecated: options.includeDeprecated ?? false,
      allowUnscoped: options.allowUnscoped ?? false,
    })}\n`,
  );
  files.forEach((f, i) => {
    hash.update(`${f.role} ${f.path} ${contents[i]!.length}\n`).update(contents[i]!);
  });
  return hash.digest('hex');
}

/**
 * The stamp of the description at `into` when it was written from inputs of hash `inputs` and is
 * intact since (no hand edit): then an import would write it again as it is.
 */
export async function unchangedSinceImport(into: string, inputs: string): Promise<ImportStamp | undefined> {
  let text: string;
  try {
    text = await readFile(into, 'utf8');
  } catch {
    return undefined;
  }
  const stamp = intactStamp(text);
  return stamp?.inputs === inputs ? stamp : undefined;
}
