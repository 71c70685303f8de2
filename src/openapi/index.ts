import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { ERROR_CODES, UserError } from '../errors.js';
import { forgetSchemaCompilers, validateDumpedSpec, type ApiDescription } from '../description/index.js';
import type { RawDescription } from '../description/raw.js';
import { PLEO_HOST } from './environments.js';
import { importDocuments, type ImportResult } from './import.js';
import { loadOpenApiDocuments } from './load.js';
import { readDiscoveries } from './oidc-discovery.js';
import { parseOverlay, type Overlay } from './overlay.js';
import { toSourceProblems } from './origins.js';
import { ImportError } from './problems.js';
import { makeExamplesConsistent } from './consistency.js';
import { repairExamples } from './repair.js';
import { formatSummary, reconcile, type FolderSummary } from './reimport.js';
import { parseScopesMap, type ScopesMap } from './scopes-map.js';
import { descriptionHeader, writeDescription } from './write.js';

/** The project's scopes map for Pleo's documents, applied to them when no `--scopes-map` is given. */
export const PLEO_SCOPES_MAP = 'collections/openapi/pleo-scopes.yaml';

export interface ImportOpenApiOptions {
  files: string[];
  into: string;
  scopesMap?: string;
  /** The overlay file; default: `<into>` with `.overlay.yaml`, when that file exists. */
  overlay?: string;
  prune?: boolean;
  includeHidden?: boolean;
  includeDeprecated?: boolean;
  allowUnscoped?: boolean;
}

export interface ImportOutcome extends Omit<ImportResult, 'description' | 'problems' | 'origins'> {
  text: string;
  /** The description now at `into`, or undefined when there is none yet. */
  previousText?: string;
  summary: FolderSummary[];
  summaryLines: string[];
  warnings: string[];
  requestCount: number;
  /** The description of `text`, validated: what `generate` would read from it. */
  spec: ApiDescription;
  scopesMap?: string;
  overlay?: string;
}

export const defaultOverlayPath = (into: string): string => `${into.replace(/\.ya?ml$/, '')}.overlay.yaml`;

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new UserError(
      `cannot read the ${what} "${path}": ${(cause as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      ERROR_CODES.SPEC_NOT_FOUND,
      { cause },
    );
  }
}

/**
 * Imports OpenAPI documents into a description and returns its text and the summary; writes nothing
 * (the command decides between writing, `--dry-run` and `--check`). Fails with every problem located.
 */
export async function importOpenApi(options: ImportOpenApiOptions): Promise<ImportOutcome> {
  if (options.files.length === 0)
    throw new UserError('import-openapi: name at least one OpenAPI document', ERROR_CODES.OPTION_INVALID);
  const docs = await loadOpenApiDocuments(options.files);
  const pleo = docs.some((d) => (d.document.servers ?? []).some((s) => PLEO_HOST.test(s.url)));
  const mapPath = options.scopesMap ?? (pleo && existsSync(PLEO_SCOPES_MAP) ? PLEO_SCOPES_MAP : undefined);
  let scopesMap: ScopesMap | undefined;
  if (mapPath) {
    const text = await readText(mapPath, 'scopes map');
    const parsed = parseScopesMap(text, mapPath);
    if ('problems' in parsed) throw new ImportError(parsed.problems, [{ file: mapPath, text }]);
    scopesMap = parsed.map;
  }
  const overlayPath =
    options.overlay ?? (existsSync(defaultOverlayPath(options.into)) ? defaultOverlayPath(options.into) : undefined);
  let overlay: Overlay | undefined;
  if (overlayPath) {
    const text = await readText(overlayPath, 'overlay');
    const parsed = parseOverlay(text, overlayPath);
    if ('problems' in parsed) throw new ImportError(parsed.problems, [{ file: overlayPath, text }]);
    overlay = parsed.overlay;
  }
  const discovery = await readDiscoveries(docs);
  const result = importDocuments(docs, {
    ...(discovery.size > 0 ? { discovery } : {}),
    ...(scopesMap ? { scopesMap } : {}),
    ...(overlay ? { overlay } : {}),
    includeHidden: options.includeHidden ?? false,
    includeDeprecated: options.includeDeprecated ?? false,
    allowUnscoped: options.allowUnscoped ?? false,
  });
  if (result.problems.length > 0)
    throw new ImportError(
      result.problems,
      docs.map((d) => ({ file: d.path, text: d.text })),
    );

  const previousText = existsSync(options.into) ? await readText(options.into, 'description') : undefined;
  // Examples are repaired on the fresh import first, so the summary compares what will be written.
  const header = descriptionHeader(options.files, overlayPath);
  const fresh = result.description;
  let freshText = writeDescription(fresh, header);
  let freshValidation = validateDumpedSpec(fresh, freshText, options.into);
  if (freshValidation.spec === undefined && repairExamples(fresh, freshValidation.problems) > 0) {
    makeExamplesConsistent(
      fresh.folders.flatMap((f) => f.requests),
      fresh.environments.local.variables ?? {},
    );
    freshText = writeDescription(fresh, header);
    freshValidation = validateDumpedSpec(fresh, freshText, options.into);
  }
  // A description that is the fresh import word for word (CI's --check, most days) need not be read.
  let previous: RawDescription | undefined;
  try {
    previous =
      previousText === undefined
        ? undefined
        : previousText === freshText
          ? fresh
          : (load(previousText, { schema: CORE_SCHEMA }) as RawDescription);
  } catch {
    previous = undefined;
  }
  const prune = options.prune ?? false;
  const { description, summary } = reconcile(fresh, previous, prune);
  // Without removed requests kept, the description is the fresh import: written and validated already.
  const keptRemoved = !prune && summary.some((s) => s.removed.length > 0);
  const text = keptRemoved ? writeDescription(description, header) : freshText;
  const validation = text === freshText ? freshValidation : validateDumpedSpec(description, text, options.into);
  // The compiled schemas served the examples' checks, all done: what comes next (generate) needs none.
  forgetSchemaCompilers();
  const errors = validation.problems.filter((p) => p.severity === 'error');
  // Problems are the documents' (or the overlay's), reported where they are, not in the would-be description.
  if (errors.length > 0 || validation.spec === undefined)
    throw new ImportError(
      toSourceProblems(errors, result.origins),
      docs.map((d) => ({ file: d.path, text: d.text })),
    );
  const warnings = validation.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
  const { problems: _problems, description: _description, origins: _origins, ...report } = result;
  return {
    ...report,
    text,
    ...(previousText !== undefined ? { previousText } : {}),
    summary,
    summaryLines: formatSummary(summary, prune),
    warnings,
    requestCount: description.folders.reduce((n, f) => n + f.requests.length, 0),
    spec: validation.spec,
    ...(mapPath ? { scopesMap: mapPath } : {}),
    ...(overlayPath ? { overlay: overlayPath } : {}),
  };
}
