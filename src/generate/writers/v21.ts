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

/** The `info.schema` of every v2.1.0 collection. */
export const V21_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const markdown = (content: string) => ({ content, type: 'text/markdown' });
const plain = (content: string) => ({ content, type: 'text/plain' });

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** `1.2.3` as the SDK writes a version; anything else stays a string (the schema allows both). */
function version(text: string) {
  const match = SEMVER.exec(text);
  if (!match) return text;
  return {
    raw: text,
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: [],
    build: [],
    string: text,
  };
}

const queryParam = (p: Param) => ({
  ...(p.disabled ? { disabled: true } : {}),
  ...(p.description ? { description: plain(p.description) } : {}),
  key: p.key,
  value: p.value,
});

const pathVariable = (p: Param) => ({
  ...(p.description ? { description: plain(p.description) } : {}),
  type: 'any',
  value: p.value,
  key: p.key,
});

const header = (p: Param) => ({
  ...(p.description ? { description: plain(p.description) } : {}),
  key: p.key,
  value: p.value,
  ...(p.disabled ? { disabled: true } : {}),
});

const entry = (key: string, value: string) => ({ type: 'string', value, key });

function auth(a: RequestAuth) {
  switch (a.type) {
    case 'noauth':
      return { type: 'noauth', noauth: [] };
    case 'bearer':
      return { type: 'bearer', bearer: [entry('token', a.token)] };
    case 'basic':
      return { type: 'basic', basic: [entry('username', a.username), entry('password', a.password)] };
  }
}

const body = (b: BodyModel) =>
  b.type === 'json'
    ? { mode: 'raw', raw: b.content, options: { raw: { language: 'json' } } }
    : { mode: 'raw', raw: b.content };

function request(r: HttpRequestModel, description?: string) {
  return {
    ...(description !== undefined ? { description: markdown(description) } : {}),
    url: {
      raw: r.url.raw,
      path: r.url.path,
      host: [r.url.host],
      query: r.url.query.map(queryParam),
      variable: r.url.variables.map(pathVariable),
    },
    ...(r.headers.length > 0 ? { header: r.headers.map(header) } : {}),
    method: r.method,
    ...(r.body ? { body: body(r.body) } : {}),
    ...(r.auth ? { auth: auth(r.auth) } : {}),
  };
}

const event = (s: Script) => ({
  listen: s.listen,
  script: { id: s.id, type: 'text/javascript', exec: s.source.split('\n') },
});

/** A saved response as Postman exports one. */
const response = (e: ExampleModel, original: HttpRequestModel) => ({
  id: e.id,
  name: e.name,
  originalRequest: request(original),
  status: e.statusText,
  code: e.status,
  _postman_previewlanguage: e.body.type === 'json' ? 'json' : 'text',
  header: e.headers.map(header),
  cookie: [],
  body: e.body.content,
});

const item = (i: RequestItem) => ({
  id: i.id,
  name: i.name,
  request: request(i.request, i.description),
  response: i.examples.map((e) => response(e, i.request)),
  event: i.scripts.map(event),
});

const folder = (f: FolderModel) => ({
  id: f.id,
  name: f.name,
  ...(f.description ? { description: markdown(f.description) } : {}),
  item: f.items.map(item),
  event: (f.scripts ?? []).map(event),
});

/**
 * Writes the model as Postman Collection v2.1.0 JSON (an object; index.ts makes the file), in the
 * shape and key order that postman-collection's SDK serialises, so the output stays byte-for-byte
 * what the SDK-built generator wrote before. No decisions here: only serialisation.
 * @see [Postman Collection v2.1.0 schema](https://schema.postman.com/collection/json/v2.1.0/draft-07/collection.json)
 */
export function writeV21(model: CollectionModel): Record<string, unknown> {
  return {
    item: model.folders.map(folder),
    auth: {
      type: model.auth.type,
      [model.auth.type]: model.auth.entries.map((e) => ({ type: e.type, value: e.value, key: e.key })),
    },
    event: model.scripts.map(event),
    variable: model.variables.map((v) => ({ type: 'string', value: v.value, key: v.key })),
    info: {
      _postman_id: model.id,
      name: model.name,
      version: version(model.version),
      schema: V21_SCHEMA,
      description: markdown(model.description),
    },
  };
}
