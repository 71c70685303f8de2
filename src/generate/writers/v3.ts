import type { CollectionAuth } from '../auth.js';
import { stableId } from '../ids.js';
import type {
  BodyModel,
  CollectionModel,
  ExampleModel,
  FolderModel,
  HttpRequestModel,
  Param,
  RequestAuth,
  RequestItem,
  Script,
} from '../model.js';
import { dumpYaml } from './fast-yaml.js';

/** One file of the v3 folder, relative to the output root. */
export interface V3File {
  path: string;
  content: string;
}

/** Where a collection's v3 folder lives in a repository: Postman's Native Git looks there. */
export const V3_COLLECTIONS_DIR = 'postman/collections';

/** `order` of the n-th sibling (from 0): spaced by 1000, so a request added by hand fits in between. */
const order = (index: number) => (index + 1) * 1000;

/**
 * A file-safe name: the characters `/ \ : * ? " < > |` become `-` (Postman's rule), as do a leading
 * dot (a hidden file, or a clash with `.resources`) and trailing dots or spaces (Windows drops them).
 * @see [Postman: collections schemas, naming and path rules](https://learning.postman.com/docs/collections/collections-schemas)
 */
export function safeName(name: string): string {
  const safe = name
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/^\./, '-')
    .replace(/[. ]+$/, (m) => '-'.repeat(m.length));
  return safe.length > 0 ? safe : '-';
}

/** File stems for sibling names, unique case-insensitively: a clash gets ` (2)`, ` (3)`, … in order. */
export function uniqueStems(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = safeName(name);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base} (${n})`;
    taken.add(stem.toLowerCase());
    return stem;
  });
}

/** Serialises one file's value to YAML. */
export type Dump = (value: unknown) => string;

/**
 * YAML byte for byte as Postman writes it (`postman collection migrate`, and the app on save): the `yaml`
 * library's `stringify` with its defaults (double quotes where needed, long text folded at 80 columns),
 * here by dumpYaml, which writes the same bytes faster. Any other style would be rewritten by the first
 * save in the app, a diff nobody made.
 */
const defaultDump: Dump = dumpYaml;

/** `name` only where the file name cannot carry it (Postman's rule). */
const nameUnlessStem = (name: string, stem: string) => (name === stem ? {} : { name });

const plainRows = (rows: readonly Param[]) =>
  rows.every((r) => r.description === undefined && r.disabled === undefined) &&
  new Set(rows.map((r) => r.key.toLowerCase())).size === rows.length;

/** A row in Postman's key order: `disabled` before `description`. */
const row = (p: Param) => ({
  key: p.key,
  value: p.value,
  ...(p.disabled ? { disabled: true } : {}),
  ...(p.description ? { description: p.description } : {}),
});

/** Headers and path variables as a map where nothing else needs saying (as Postman writes them), else as rows. */
const keyValues = (rows: readonly Param[]) =>
  plainRows(rows) ? Object.fromEntries(rows.map((r) => [r.key, r.value])) : rows.map(row);

const body = (b: BodyModel) => ({ type: b.type, content: b.content });

function auth(a: RequestAuth) {
  switch (a.type) {
    case 'noauth':
      return { type: 'noauth' };
    case 'bearer':
      return { type: 'bearer', credentials: { token: a.token } };
    case 'basic':
      return { type: 'basic', credentials: { username: a.username, password: a.password } };
  }
}

const REQUEST_SCRIPT_TYPES = { prerequest: 'beforeRequest', test: 'afterResponse' } as const;
const SCOPE_SCRIPT_TYPES = { prerequest: 'http:beforeRequest', test: 'http:afterResponse' } as const;

const script = (s: Script, types: typeof REQUEST_SCRIPT_TYPES | typeof SCOPE_SCRIPT_TYPES) => ({
  type: types[s.listen],
  code: s.source,
  language: 'text/javascript',
});

/** URL, method, headers, parameters and body: what a request file and an example's request share. */
function requestParts(r: HttpRequestModel, extraQuery?: Param) {
  const query = extraQuery ? [...r.url.query, extraQuery] : r.url.query;
  const url = extraQuery
    ? `${r.url.raw}${r.url.raw.includes('?') ? '&' : '?'}${extraQuery.key}=${extraQuery.value}`
    : r.url.raw;
  return {
    url,
    method: r.method,
    ...(r.headers.length > 0 ? { headers: keyValues(r.headers) } : {}),
    ...(query.length > 0 ? { queryParams: keyValues(query) } : {}),
    ...(r.url.variables.length > 0 ? { pathVariables: keyValues(r.url.variables) } : {}),
    ...(r.body ? { body: body(r.body) } : {}),
  };
}

function requestFile(
  item: RequestItem,
  stem: string,
  index: number,
  examplesDir: string | undefined,
  queryKey: Param | undefined,
) {
  const r = item.request;
  return {
    $kind: 'http-request',
    id: item.id,
    ...nameUnlessStem(item.name, stem),
    ...(item.description !== undefined ? { description: item.description } : {}),
    // A request with auth of its own (a public one, a probe without credentials) does not get the key.
    ...requestParts(r, r.auth ? undefined : queryKey),
    ...(r.auth ? { auth: auth(r.auth) } : {}),
    ...(item.scripts.length > 0 ? { scripts: item.scripts.map((s) => script(s, REQUEST_SCRIPT_TYPES)) } : {}),
    ...(examplesDir !== undefined ? { examples: examplesDir } : {}),
    order: order(index),
  };
}

function exampleFile(example: ExampleModel, stem: string, index: number, request: HttpRequestModel) {
  return {
    $kind: 'http-example',
    id: example.id,
    ...nameUnlessStem(example.name, stem),
    request: requestParts(request),
    response: {
      statusCode: example.status,
      statusText: example.statusText,
      ...(example.headers.length > 0 ? { headers: keyValues(example.headers) } : {}),
      body: body(example.body),
    },
    order: order(index),
  };
}

/** A folder's requests, their examples under `.resources/<request>.resources/examples/`, and its definition. */
function folderFiles(
  folder: FolderModel,
  dir: string,
  stem: string,
  index: number,
  queryKey: Param | undefined,
  dump: Dump,
): V3File[] {
  const files: V3File[] = [
    {
      path: `${dir}/.resources/definition.yaml`,
      content: dump({
        $kind: 'collection',
        id: folder.id,
        ...nameUnlessStem(folder.name, stem),
        ...(folder.description ? { description: folder.description } : {}),
        ...(folder.scripts?.length ? { scripts: folder.scripts.map((s) => script(s, SCOPE_SCRIPT_TYPES)) } : {}),
        order: order(index),
      }),
    },
  ];
  const stems = uniqueStems(folder.items.map((i) => i.name));
  folder.items.forEach((item, i) => {
    const requestStem = stems[i]!;
    const examplesDir = `.resources/${requestStem}.resources/examples`;
    const exampleStems = uniqueStems(item.examples.map((e) => e.name));
    files.push({
      path: `${dir}/${requestStem}.request.yaml`,
      content: dump(
        requestFile(item, requestStem, i, item.examples.length > 0 ? `./${examplesDir}` : undefined, queryKey),
      ),
    });
    item.examples.forEach((example, e) => {
      files.push({
        path: `${dir}/${examplesDir}/${exampleStems[e]}.example.yaml`,
        content: dump(exampleFile(example, exampleStems[e]!, e, item.request)),
      });
    });
  });
  return files;
}

/** The folder of a collection: `postman/collections/<collection name>`. */
export const v3CollectionDir = (name: string) => `${V3_COLLECTIONS_DIR}/${safeName(name)}`;

/**
 * The query parameter that carries an API key sent in the query. Postman's v3 reader (the Postman CLI,
 * on `migrate`'s own output too) drops the API key helper's `in: query` and sends the key as a header,
 * so the v3 folder puts it in each request's query instead, with no collection auth.
 */
function queryApiKey(auth: CollectionAuth): Param | undefined {
  if (auth.type !== 'apikey') return undefined;
  const entry = (key: string) => String(auth.entries.find((e) => e.key === key)?.value ?? '');
  return entry('in') === 'query' ? { key: entry('key'), value: entry('value') } : undefined;
}

/**
 * Writes the model as a Postman collection v3 folder (schema 3.0.0, what Postman v12's Native Git
 * reads): the collection's auth, variables and scripts in `.resources/definition.yaml`, one folder per
 * folder, one `*.request.yaml` per request, one `*.example.yaml` per saved example. Only
 * serialisation: every value comes from the model.
 * @see [Postman: collections schemas](https://learning.postman.com/docs/collections/collections-schemas)
 */
export function writeV3(model: CollectionModel, dump: Dump = defaultDump): V3File[] {
  const root = v3CollectionDir(model.name);
  const queryKey = queryApiKey(model.auth);
  const collectionAuth: CollectionAuth = queryKey ? { type: 'noauth', entries: [] } : model.auth;
  const definition = {
    $kind: 'collection',
    id: model.id,
    name: model.name,
    description: model.description,
    variables: Object.fromEntries(model.variables.map((v) => [v.key, v.value])),
    scripts: model.scripts.map((s) => script(s, SCOPE_SCRIPT_TYPES)),
    // Postman's list-with-ids form (what `migrate` and the app write for a collection's auth), one entry.
    auth: [
      {
        id: stableId('auth', model.id, collectionAuth.type),
        type: collectionAuth.type,
        name: `${collectionAuth.type} auth`,
        ...(collectionAuth.entries.length > 0
          ? { credentials: Object.fromEntries(collectionAuth.entries.map((e) => [e.key, e.value])) }
          : {}),
      },
    ],
  };
  const stems = uniqueStems(model.folders.map((f) => f.name));
  return [
    { path: `${root}/.resources/definition.yaml`, content: dump(definition) },
    ...model.folders.flatMap((folder, i) => folderFiles(folder, `${root}/${stems[i]}`, stems[i]!, i, queryKey, dump)),
  ];
}

/** A v2.1-style environment, as buildEnvironment returns it. */
export interface EnvironmentLike {
  name: string;
  values: ReadonlyArray<{ key: string; value: string; type: 'default' | 'secret'; enabled: boolean }>;
}

/**
 * An environment in the v3 format, `postman/environments/<stem>.environment.yaml`: `name` and
 * `values` of `{key, value, enabled, type}` (secrets stay `type: secret` and empty).
 */
export function writeV3Environment(environment: EnvironmentLike, stem: string, dump: Dump = defaultDump): V3File {
  return {
    path: `postman/environments/${stem}.environment.yaml`,
    content: dump({
      name: environment.name,
      values: environment.values.map((v) => ({ key: v.key, value: v.value, enabled: v.enabled, type: v.type })),
    }),
  };
}
