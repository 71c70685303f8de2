import { createSchemaCompiler, type JsonSchema } from '../description/index.js';
import { pointerOf, pointerSegments } from '../description/problem.js';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH } from '../description/auth-endpoints.js';
import type { RawDescription, RawEnvironment, RawRequest } from '../description/raw.js';
import {
  buildEnvironments,
  documentServer,
  endpointPaths,
  PLEO_HOST,
  serverUrl,
  type ImportedFlow,
} from './environments.js';
import { operationKey, transformOperation, type ImportedOperation } from './operation.js';
import { deepMerge, type Overlay, type OverlayRequest } from './overlay.js';
import { sourceProblem, type SourceProblem } from './problems.js';
import { dedupeSchemas, makeExamplesConsistent } from './consistency.js';
import type { Origins } from './origins.js';
import { sampleSchema } from './sample.js';
import { componentOfRef, hasFlaggedProperty, transformSchema, type SchemaMode } from './schema.js';
import { matchScopes, type ScopesMap } from './scopes-map.js';
import type { Discovery } from './oidc-discovery.js';
import { importSecurity, leavesPublic } from './security.js';
import {
  OPERATION_METHODS,
  UNSENT_METHODS,
  type LoadedDocument,
  type OperationObject,
  type SecurityScheme,
} from './types.js';

export interface ImportOptions {
  /** Local OpenID Connect discovery documents, by `file#Scheme` (oidc-discovery.ts). */
  discovery?: ReadonlyMap<string, Discovery>;
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
  /** Where each request and schema came from, to report the description's problems in the documents. */
  origins: Origins;
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
  const flows: ImportedFlow[] = [];
  for (const doc of docs) {
    const { path, document } = doc;
    const server = documentServer(doc);
    for (const [name, scheme] of Object.entries(document.components?.securitySchemes ?? {}) as Array<
      [string, SecurityScheme]
    >) {
      if (scheme.type !== 'oauth2' || !scheme.flows) continue;
      oauthSchemes.set(`${path}#${name}`, new Set());
      for (const [kind, f] of Object.entries(scheme.flows)) {
        flows.push({
          kind,
          authorizationUrl: f.authorizationUrl,
          tokenUrl: f.tokenUrl,
          refreshUrl: f.refreshUrl,
          where: `${path}#${name}`,
          ...(server ? { server } : {}),
        });
        for (const [scope, description] of Object.entries(f.scopes ?? {})) {
          catalogue[scope] = { description: description || scope };
        }
      }
    }
  }
  return { catalogue, oauthSchemes, flows };
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
  const resolverOf = (file: string) => {
    const document = docs.find((d) => d.path === file)?.document;
    return (ref: string): unknown =>
      pointerSegments(ref.slice(1)).reduce<unknown>(
        (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
        document,
      );
  };
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
        schemas[name] = transformSchema(componentsOf(file)[component], {
          mode,
          refName: refNameFor(file),
          resolve: resolverOf(file),
        });
      }
      return name;
    };
  for (const [name, { file, raw }] of bodies) {
    schemas[name] = transformSchema(raw, {
      mode: 'neutral',
      refName: refNameFor(file),
      resolve: resolverOf(file),
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
            resolve: resolverOf(file),
            note: (m) => notes.push(`${method.toUpperCase()} ${path} (${file}): ${m}`),
          },
        );
        imported.security ??= document.security;
        all.push(imported);
      }
      for (const method of UNSENT_METHODS)
        if (isRecord(item[method]))
          notes.push(
            `${method.toUpperCase()} ${path} (${file}): not imported: the description has no ${method.toUpperCase()} requests`,
          );
    }
    const webhooks = Object.keys(isRecord(document.webhooks) ? document.webhooks : {});
    if (webhooks.length > 0)
      notes.push(
        `${file}: ${webhooks.length} webhook${webhooks.length === 1 ? '' : 's'} not imported (requests the API sends, not ones it answers): ${webhooks.join(', ')}`,
      );
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
  const mapped = new Set<ImportedOperation>();
  for (const op of kept.values()) {
    const oauth = (op.security ?? []).flatMap((req) =>
      Object.entries(req).filter(([scheme]) => oauthSchemes.has(`${op.file}#${scheme}`)),
    );
    if (oauth.length > 0) {
      scopesOf.set(op, [...new Set(oauth[0]?.[1] ?? [])]);
      continue;
    }
    if (leavesPublic(op.security)) {
      scopesOf.set(op, []);
      continue;
    }
    const rule = options.scopesMap ? matchScopes(options.scopesMap, op.request.method, op.request.path) : undefined;
    if (rule && options.scopesMap) {
      scopesOf.set(op, rule.scopes);
      mapped.add(op);
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
    if (!options.scopesMap) {
      scopesOf.set(op, []); // importSecurity says what secures it
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

  const discovery = options.discovery ?? new Map<string, Discovery>();
  const discovered = new Set([...discovery].filter(([, d]) => !('failure' in d)).map(([key]) => key));
  for (const [key, d] of discovery)
    if ('failure' in d)
      notes.push(
        `OpenID Connect discovery ${d.file} (${key}) ${d.failure}: imported as OAuth 2.0 at {{authServerUrl}} (set auth.authorizePath, auth.tokenPath and the environments' authServerUrl in the overlay)`,
      );
  const security = importSecurity(docs, [...kept.values()], mapped, notes, options.scopesMap !== undefined, discovered);

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
    // Some documents write a JSON example as a string of JSON (`example: '[ { "id": … } ]'`).
    const parsed = typeof documented === 'string' ? parseJson(documented) : undefined;
    if (parsed !== undefined && valid(schema, parsed)) return parsed;
    if (documented !== undefined) notes.push(`${seed}: the documented example does not match its schema; made one`);
    return sampleSchema(typeof schema === 'string' ? { $ref: `#/schemas/${schema}` } : schema, { schemas, seed });
  };
  const pleo = docs.some((d) => (d.document.servers ?? []).some((s) => PLEO_HOST.test(s.url)));
  // A discovery document's endpoints are those of the Authorization Code flow OpenID Connect uses.
  const discoveredFlows: ImportedFlow[] = [...discovery].flatMap(([key, d]) =>
    'failure' in d
      ? []
      : [
          {
            kind: 'authorizationCode',
            authorizationUrl: d.authorizationUrl,
            tokenUrl: d.tokenUrl,
            where: `${key} (${d.file})`,
          },
        ],
  );
  const imported = buildEnvironments(docs, [...scopeCatalogue(docs).flows, ...discoveredFlows], pleo, notes);
  const environments: RawDescription['environments'] = overlay?.environments ?? imported.environments;
  const oauth = security.fields.scheme === undefined;
  const endpointsAuth = oauth ? endpointPaths(imported.endpoints) : {};
  const refreshPathUsed = overlay?.auth?.refreshPath ?? endpointsAuth.refreshPath;
  const endpointPathsUsed = new Map<string, string>([
    [overlay?.auth?.authorizePath ?? endpointsAuth.authorizePath ?? DEFAULT_AUTHORIZE_PATH, 'authorization'],
    [overlay?.auth?.tokenPath ?? endpointsAuth.tokenPath ?? DEFAULT_TOKEN_PATH, 'token'],
    ...(refreshPathUsed !== undefined ? [[refreshPathUsed, 'refresh'] as const] : []),
  ]);
  const built: Array<{ folder: string; request: RawRequest; op: ImportedOperation }> = [];
  for (const op of kept.values()) {
    const endpoint = endpointPathsUsed.get(op.request.path);
    if (endpoint) {
      notes.push(
        `${op.label} (${op.file}): the OAuth 2.0 ${endpoint} endpoint, which the collection and the mock use themselves: not imported as a request`,
      );
      continue;
    }
    const { responses, body, ...rest } = op.request;
    const request: RawRequest = {
      ...rest,
      scopes: scopesOf.get(op) ?? [],
      ...(security.publicOps.has(op) ? { public: true } : {}),
      // A body with neither schema nor example is sent as an empty object.
      ...(body
        ? { body: { ...body, example: exampleFor(body.schema, op.bodyExample, `${op.label} body`) ?? {} } }
        : {}),
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

  for (const folder of folders) renameDuplicates(folder, built, notes, overlay?.file);

  const first = docs[0]?.document;
  makeExamplesConsistent(
    folders.flatMap((f) => f.requests),
    overlay?.environments?.local.variables ?? {},
  );
  dedupeSchemas(schemas, folders);
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
      ...(oauth
        ? {
            grant: 'authorization_code_with_pkce',
            challengeMethod: 'S256',
            clientAuthentication: 'basic',
            callback: 'desktop',
            tokenName: pleo ? 'Pleo access token' : `${first?.info?.title ?? 'API'} access token`,
            ...endpointsAuth,
          }
        : security.fields),
      ...(overlay?.auth ?? {}),
    },
    defaults: overlay?.defaults ?? { responseTimeMs: 5000 },
    scopes,
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    folders,
  };
  const schemaOrigins: Origins['schemas'] = {};
  for (const [key, name] of names) {
    const [file, component] = [key.slice(0, key.indexOf('#')), key.slice(key.indexOf('#') + 1)];
    schemaOrigins[name] ??= { file, pointer: pointerOf('components', 'schemas', component) };
  }
  for (const [variant, base] of variants) if (schemaOrigins[base]) schemaOrigins[variant] = schemaOrigins[base];
  const overlayEntryOf = (op: ImportedOperation) =>
    overlayKeys.find((k) => {
      const [m, p] = k.split(' ');
      return operationKey(m ?? '', p ?? '') === op.key;
    });
  const origins: Origins = {
    requests: folders.map((folder) =>
      folder.requests.map((request) => {
        const op = built.find((b) => b.request.method === request.method && b.request.path === request.path)?.op;
        if (!op) return { file: docs[0]?.path ?? '', pointer: '' };
        const entry = overlayEntryOf(op);
        return { file: op.file, pointer: op.pointer, ...(entry ? { overlayEntry: entry } : {}) };
      }),
    ),
    schemas: schemaOrigins,
    document: docs[0]?.path ?? '',
    ...(overlay ? { overlay: overlay.file } : {}),
  };
  return { description, leftOut, merged, notes, problems, origins };
}

const parseJson = (text: string): unknown => {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Requests of one folder that would share a name get their operationId (or method and path) after it,
 * the first keeping it bare; one note each, naming the overlay entry that can rename it instead.
 */
function renameDuplicates(
  folder: { name: string; requests: RawRequest[] },
  built: ReadonlyArray<{ request: RawRequest; op: ImportedOperation }>,
  notes: string[],
  overlayFile: string | undefined,
): void {
  const taken = new Set<string>();
  const byName = new Map<string, RawRequest[]>();
  for (const request of folder.requests) byName.set(request.name, [...(byName.get(request.name) ?? []), request]);
  for (const request of folder.requests) taken.add(request.name);
  for (const [name, requests] of byName) {
    if (requests.length < 2) continue;
    for (const request of requests.slice(1)) {
      const op = built.find((b) => b.request.method === request.method && b.request.path === request.path)?.op;
      const candidates = [
        ...(op?.operationId ? [`${name} (${op.operationId})`] : []),
        `${name} (${request.method} ${request.path})`,
      ];
      let renamed = candidates.find((c) => !taken.has(c)) ?? `${name} (${request.method} ${request.path})`;
      for (let n = 2; taken.has(renamed); n++) renamed = `${name} (${request.method} ${request.path}) ${n}`;
      taken.add(renamed);
      request.name = renamed;
      const first = requests[0] as RawRequest;
      notes.push(
        `${request.method} ${request.path} (${op?.file ?? '?'}): named "${renamed}": "${name}" is ${first.method} ${first.path} in folder "${folder.name}"${overlayFile ? ` (rename it under requests."${request.method} ${request.path}".name in ${overlayFile})` : ''}`,
      );
    }
  }
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
    for (const url of new Set(servers.map((s) => serverUrl(s)))) {
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
