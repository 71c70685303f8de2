// @ts-nocheck
import { createSchemaCompiler, type JsonSchema } from '../description/index.js';
import { pointerOf } from '../description/problem.js';
import type { RawDescription, RawEnvironment, RawRequest } from '../description/raw.js';
import { buildEnvironments, PLEO_HOST } from './environments.js';
import { operationKey, transformOperation, type ImportedOperation } from './operation.js';
import { deepMerge, type Overlay, type OverlayRequest } from './overlay.js';
import { sourceProblem, type SourceProblem } from './problems.js';
import { dedupeSchemas, makeExamplesConsistent } from './consistency.js';
import { sampleSchema } from './sample.js';
import { componentOfRef, hasFlaggedProperty, transformSchema, type SchemaMode } from './schema.js';
import { matchScopes, type ScopesMap } from './scopes-map.js';
import { OPERATION_METHODS, type LoadedDocument, type OperationObject, type SecurityScheme } from './types.js';

export interface ImportOptions {
  scopesMap?: ScopesMap;
  overlay?: Overlay;
  includeHidden?: boolean;
  includeDeprecated?: boolean;
  allowUnscoped?: boolean;
}

export interface ImportResult {
  description: RawDescription;
  /** Operations not imported, and why. */
  leftOut: Array<{ label: string; file: string; reason: 'hidden' | 'deprecated' }>;
  /** The same operation in two documents: which one was kept and how they differ. */
  merged: Array<{ label: string; kept: string; dropped: string; differs: string[] }>;
  notes: string[];
  problems: SourceProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sanitize = (name: string): string => {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(s) ? s : `S${s}`;
};

const pointerSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Component schemas of every document under unique description names; identical ones are shared. */
function nameComponents(docs: readonly LoadedDocument[], notes: string[]) {
  const names = new Map<string, string>(); // `${file}#${component}` → description name
  const bodies = new Map<string, { file: string; raw: unknown }>(); // description name → its source
  for (const { path, document } of docs) {
    for (const [component, raw] of Object.entries(document.components?.schemas ?? {})) {
      const base = sanitize(component);
      let name = base;
      for (let n = 2; ; n++) {
        const existing = bodies.get(name);
        if (!existing) break;
        if (JSON.stringify(existing.raw) === JSON.stringify(raw)) break;
        name = `${base}_${n}`;
      }
      if (name !== base && !bodies.has(name))
        notes.push(`schema ${component} of ${path} differs from the one of ${bodies.get(base)?.file}: kept as ${name}`);
      if (!bodies.has(name)) bodies.set(name, { file: path, raw });
      names.set(`${path}#${component}`, name);
    }
  }
  return { names, bodies };
}

function scopeCatalogue(docs: readonly LoadedDocument[]) {
  const catalogue: RawDescription['scopes'] = {};
  const oauthSchemes = new Map<string, Set<string>>();
  let flow: { authorizationUrl?: string; tokenUrl?: string } | undefined;
  for (const { path, document } of docs) {
    for (const [name, scheme] of Object.entries(document.components?.securitySchemes ?? {}) as Array<
      [string, SecurityScheme]
    >) {
      if (scheme.type !== 'oauth2' || !scheme.flows) continue;
      oauthSchemes.set(`${path}#${name}`, new Set());
      for (const f of Object.values(scheme.flows)) {
        flow ??= f;
        for (const [scope, description] of Object.entries(f.scopes ?? {})) {
          catalogue[scope] = { description: description || scope };
        }
      }
    }
  }
  return { catalogue, oauthSchemes, flow };
}

const FIELDS = ['description', 'parameters', 'body', 'responses', 'scopes'] as const;

/** JSON with object keys sorted, so key order does not count as a change. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** Which parts of two requests differ (for merged duplicates and the re-import summary). */
export function changedParts(a: Partial<RawRequest>, b: Partial<RawRequest>): string[] {
  const parts = ['name', 'method', 'path', ...FIELDS, 'capture', 'responseTimeMs', 'mock'] as const;
  return parts.filter((p) => stableJson(a[p]) !== stableJson(b[p]));
}

/**
 * Imports OpenAPI documents into a description of this project: pure (documents in, description and
 * report out). Problems (unmapped operations, duplicate names) are gathered, not thrown.
 */
export function importDocuments(docs: readonly LoadedDocument[], options: ImportOptions = {}): ImportResult {
  const notes: string[] = [];
  const problems: SourceProblem[] = [];
  const { names, bodies } = nameComponents(docs, notes);
  const schemas: Record<string, JsonSchema> = {};
  const variants = new Map<string, string>();
  const flaggedMemo = new Map<string, boolean>();
  const componentsOf = (file: string) => docs.find((d) => d.path === file)?.document.components?.schemas ?? {};

  const refNameFor =
    (file: string) =>
    (component: string, mode: SchemaMode): string => {
      const base = names.get(`${file}#${component}`) ?? sanitize(component);
      const flag = mode === 'request' ? 'readOnly' : mode === 'response' ? 'writeOnly' : undefined;
      if (!flag) return base;
      const memo = `${file}#${component}#${flag}`;
      let flagged = flaggedMemo.get(memo);
      if (flagged === undefined) {
        flagged = hasFlaggedProperty(component, flag, componentsOf(file));
        flaggedMemo.set(memo, flagged);
      }
      if (!flagged) return base;
      const name = `${base}${mode === 'request' ? 'Write' : 'Read'}`;
      if (!variants.has(name)) {
        variants.set(name, base);
        schemas[name] = transformSchema(componentsOf(file)[component], { mode, refName: refNameFor(file) });
      }
      return name;
    };
  for (const [name, { file, raw }] of bodies) {
    schemas[name] = transformSchema(raw, {
      mode: 'neutral',
      refName: refNameFor(file),
      note: (m) => notes.push(`schema ${name}: ${m}`),
    });
  }

  // Every operation of every document.
  const all: ImportedOperation[] = [];
  for (const { path: file, document } of docs) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (!isRecord(item)) continue;
      for (const method of OPERATION_METHODS) {
        const op = item[method] as OperationObject | undefined;
        if (!isRecord(op)) continue;
        const pointer = pointerOf('paths', path, method);
        const imported = transformOperation(
          { file, document, path, method, item, op, pointer },
          {
            mode: 'neutral',
            schemas,
            refName: refNameFor(file),
            note: (m) => notes.push(`${method.toUpperCase()} ${path} (${file}): ${m}`),
          },
        );
        imported.security ??= document.security;
        all.push(imported);
      }
    }
  }

  const leftOut: ImportResult['leftOut'] = [];
  const merged: ImportResult['merged'] = [];
  const kept = new Map<string, ImportedOperation>();
  for (const op of all) {
    if (op.hidden && !options.includeHidden) {
      leftOut.push({ label: op.label, file: op.file, reason: 'hidden' });
      continue;
    }
    if (op.deprecated && !options.includeDeprecated) {
      leftOut.push({ label: op.label, file: op.file, reason: 'deprecated' });
      continue;
    }
    const first = kept.get(op.key);
    if (first) {
      merged.push({
        label: op.label,
        kept: first.file,
        dropped: op.file,
        differs: changedParts(first.request, op.request),
      });
      continue;
    }
    kept.set(op.key, op);
  }

  // Scopes: the operation's OAuth 2.0 requirement, else the scopes map, else a problem.
  const { catalogue, oauthSchemes } = scopeCatalogue(docs);
  const scopesOf = new Map<ImportedOperation, string[]>();
  for (const op of kept.values()) {
    const oauth = (op.security ?? []).flatMap((req) =>
      Object.entries(req).filter(([scheme]) => oauthSchemes.has(`${op.file}#${scheme}`)),
    );
    if (oauth.length > 0) {
      scopesOf.set(op, [...new Set(oauth[0]?.[1] ?? [])]);
      continue;
    }
    if (Array.isArray(op.security) && op.security.length === 0) {
      scopesOf.set(op, []);
      continue;
    }
    const rule = options.scopesMap ? matchScopes(options.scopesMap, op.request.method, op.request.path) : undefined;
    if (rule && options.scopesMap) {
      scopesOf.set(op, rule.scopes);
      for (const scope of rule.scopes) {
        const def = options.scopesMap.scopes[scope];
        if (def)
          catalogue[scope] = {
            description: def.description,
            ...(def.confidence !== 'documented' ? { confidence: def.confidence } : {}),
          };
      }
      if (rule.note) op.request.description = `${op.request.description ?? op.request.name}\n\n${rule.note}`;
      continue;
    }
    if (options.allowUnscoped) {
      scopesOf.set(op, []);
      notes.push(`${op.label} (${op.file}): no scope mapping; imported as needing any valid token (--allow-unscoped)`);
      continue;
    }
    problems.push(
      sourceProblem(
        op.file,
        'OPENAPI_UNSCOPED',
        op.pointer,
        `operation "${op.request.name}" (${op.label}) has no scopes: its security names no OAuth 2.0 scopes and no entry of the scopes map matches it`,
        options.scopesMap
          ? `add "match: ${op.request.method} ${op.request.path}" to ${options.scopesMap.file}, or pass --allow-unscoped`
          : 'pass --scopes-map FILE with an entry for it, or --allow-unscoped',
      ),
    );
  }

  const overlay = options.overlay;
  const folderOfTag = new Map<string, string>();
  for (const folder of overlay?.folders ?? []) for (const tag of folder.tags ?? []) folderOfTag.set(tag, folder.name);

  // Requests, with examples made where the documents give none or a wrong one.
  const compile = createSchemaCompiler(schemas, { allErrors: true });
  const valid = (schema: unknown, value: unknown): boolean => {
    if (schema === undefined) return true;
    try {
      return compile(schema as JsonSchema | string)(value) === true;
    } catch {
      return false;
    }
  };
  // A documented example is kept when it fits its schema; otherwise one is made from the schema (checked
  // once, with everything else, when the description is validated; see repairExamples).
  const exampleFor = (schema: unknown, documented: unknown, seed: string): unknown => {
    if (documented !== undefined && valid(schema, documented)) return documented;
    if (schema === undefined) return documented;
    if (documented !== undefined) notes.push(`${seed}: the documented example does not match its schema; made one`);
    return sampleSchema(typeof schema === 'string' ? { $ref: `#/schemas/${schema}` } : schema, { schemas, seed });
  };
  const built: Array<{ folder: string; request: RawRequest; op: ImportedOperation }> = [];
  for (const op of kept.values()) {
    const { responses, body, ...rest } = op.request;
    const request: RawRequest = {
      ...rest,
      scopes: scopesOf.get(op) ?? [],
      ...(body ? { body: { ...body, example: exampleFor(body.schema, op.bodyExample, `${op.label} body`) } } : {}),
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, { documentedExample, ...response }]) => {
          const example = exampleFor(response.schema, documentedExample, `${op.label} ${status}`);
          return [status, { ...response, ...(example !== undefined ? { example } : {}) }];
        }),
      ),
    };
    if (request.scopes?.length === 0) delete request.scopes;
    if (!Object.keys(request.responses).some((s) => s.startsWith('2')))
      request.responses['200'] = { description: 'OK' };
    built.push({ folder: folderOfTag.get(op.tag) ?? op.tag, request, op });
  }

  // The overlay: hand-kept additions, one request per entry.
  const finalRequests: Array<{ folder: string; request: RawRequest; order: number }> = [];
  const overlayKeys = Object.keys(overlay?.requests ?? {});
  for (const { folder, request, op } of built) {
    const key = Object.keys(overlay?.requests ?? {}).find((k) => {
      const [m, p] = k.split(' ');
      return operationKey(m ?? '', p ?? '') === op.key;
    });
    const entries = key === undefined ? [undefined] : ([overlay?.requests?.[key]].flat() as OverlayRequest[]);
    entries.forEach((entry, i) => {
      const { folder: moved, ...additions } = entry ?? {};
      finalRequests.push({
        folder: moved ?? folder,
        request: entry ? deepMerge(request, additions) : request,
        order: key === undefined ? Number.POSITIVE_INFINITY : overlayKeys.indexOf(key) + i / 100,
      });
    });
  }
  for (const key of overlayKeys) {
    const [m, p] = key.split(' ');
    if (!built.some((b) => b.op.key === operationKey(m ?? '', p ?? '')))
      notes.push(`overlay entry "${key}" matches no imported operation`);
  }

  // Folders: the overlay's order first, then the documents' tags in order of appearance.
  const folderNames = [
    ...new Set([...(overlay?.folders ?? []).map((f) => f.name), ...finalRequests.map((r) => r.folder)]),
  ];
  const byFolder = new Map<string, Array<(typeof finalRequests)[number] & { index: number }>>();
  finalRequests.forEach((r, index) => {
    const list = byFolder.get(r.folder) ?? [];
    list.push({ ...r, index });
    byFolder.set(r.folder, list);
  });
  const folders = folderNames
    .map((name) => {
      const requests = (byFolder.get(name) ?? [])
        .sort((a, b) => a.order - b.order || a.index - b.index)
        .map((r) => r.request);
      const description = overlay?.folders?.find((f) => f.name === name)?.description;
      return { name, ...(description ? { description } : {}), requests };
    })
    .filter((f) => f.requests.length > 0);

  for (const folder of folders) {
    const seen = new Map<string, RawRequest>();
    for (const request of folder.requests) {
      const other = seen.get(request.name);
      if (other) {
        const op = built.find((b) => b.request.method === request.method && b.request.path === request.path)?.op;
        problems.push(
          sourceProblem(
            op?.file ?? '',
            'OPENAPI_DUPLICATE_NAME',
            op?.pointer ?? '',
            `two requests of folder "${folder.name}" would be named "${request.name}": ${other.method} ${other.path} and ${request.method} ${request.path}`,
            'give one of them another summary, or a name in the overlay',
          ),
        );
      }
      seen.set(request.name, request);
    }
  }

  const first = docs[0]?.document;
  makeExamplesConsistent(
    folders.flatMap((f) => f.requests),
    overlay?.environments?.local.variables ?? {},
  );
  dedupeSchemas(schemas, folders);
  const pleo = docs.some((d) => (d.document.servers ?? []).some((s) => PLEO_HOST.test(s.url)));
  const environments: RawDescription['environments'] =
    overlay?.environments ?? buildEnvironments(docs, scopeCatalogue(docs).flow, pleo);
  checkServers(docs, environments, notes);
  // A scopes map's whole catalogue is the description's (a scope no request uses yet is still documented).
  for (const [scope, def] of Object.entries(options.scopesMap?.scopes ?? {}))
    catalogue[scope] ??= {
      description: def.description,
      ...(def.confidence !== 'documented' ? { confidence: def.confidence } : {}),
    };
  const scopes = { ...catalogue, ...(overlay?.scopes ?? {}) };
  const description: RawDescription = {
    info: {
      name: pleo ? 'Pleo API' : (first?.info?.title ?? 'API'),
      version: semanticVersion(first?.info?.version),
      ...(first?.info?.description && !pleo ? { description: first.info.description.trim() } : {}),
      ...(overlay?.info ?? {}),
    },
    environments,
    auth: {
      grant: 'authorization_code_with_pkce',
      challengeMethod: 'S256',
      clientAuthentication: 'basic',
      callback: 'desktop',
      tokenName: pleo ? 'Pleo access token' : `${first?.info?.title ?? 'API'} access token`,
      ...(overlay?.auth ?? {}),
    },
    defaults: overlay?.defaults ?? { responseTimeMs: 5000 },
    scopes,
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    folders,
  };
  return { description, leftOut, merged, notes, problems };
}

/** A version Postman reads: `1` → `1.0.0`, `2.1` → `2.1.0`; anything else as written. */
function semanticVersion(version: string | undefined): string {
  const v = String(version ?? '1.0.0').trim();
  if (/^\d+$/.test(v)) return `${v}.0.0`;
  if (/^\d+\.\d+$/.test(v)) return `${v}.0`;
  return v;
}

/** Hosts of the documents' servers (document, path and operation level) that no environment's apiBaseUrl has. */
function checkServers(docs: readonly LoadedDocument[], environments: Record<string, RawEnvironment>, notes: string[]) {
  const known = new Set(Object.values(environments).map((e) => new URL(e.apiBaseUrl).host));
  for (const { path, document } of docs) {
    const servers = [
      ...(document.servers ?? []),
      ...Object.values(document.paths ?? {}).flatMap((item) => [
        ...((item.servers as Array<{ url: string }> | undefined) ?? []),
        ...OPERATION_METHODS.flatMap(
          (m) => ((item[m] as OperationObject | undefined)?.servers ?? []) as Array<{ url: string }>,
        ),
      ]),
    ];
    for (const url of new Set(servers.map((s) => s.url))) {
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        notes.push(`${path}: server "${url}" is not an absolute URL`);
        continue;
      }
      if (!known.has(host)) notes.push(`${path}: server host ${host} matches no environment's apiBaseUrl`);
    }
  }
}

export { componentOfRef, pointerSegment };
