// @ts-nocheck
import { readValuePath, withValueAt, type JsonSchema } from '../description/index.js';
import type { RawRequest } from '../description/raw.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const successStatus = (r: RawRequest): string | undefined =>
  Object.keys(r.responses)
    .filter((s) => s.startsWith('2'))
    .sort()[0];

const isId = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

/** A field named like an environment variable (`companyId`, or `company_id`) takes its value. */
function fillEnvironmentValues(requests: RawRequest[], names: Map<string, string | number | boolean>) {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node))
      for (const [key, value] of Object.entries(node)) {
        const replacement = names.get(key);
        if (replacement !== undefined && typeof value === typeof replacement) node[key] = replacement;
        else walk(value);
      }
  };
  for (const r of requests) {
    walk(r.body?.example);
    for (const response of Object.values(r.responses)) walk(response.example);
  }
}

/** `{x}` of `/things/{x}…` without a variable takes the `data.id` of the success example of `GET /things/{…}`. */
function linkPathExamples(requests: RawRequest[]) {
  const idOf = new Map<string, string | number>();
  for (const r of requests) {
    const status = successStatus(r);
    const example = status ? r.responses[status]?.example : undefined;
    if (r.method === 'GET' && isRecord(example) && isRecord(example.data) && isId(example.data.id))
      idOf.set(r.path.replace(/\{[^{}]+\}/g, '{}'), example.data.id);
  }
  for (const r of requests) {
    const segments = r.path.split('/');
    segments.forEach((segment, i) => {
      const param = /^\{([^{}]+)\}(:[\w-]+)?$/.exec(segment)?.[1];
      const def = param ? r.parameters?.path?.[param] : undefined;
      if (!param || !def || def.variable !== undefined) return;
      const id = idOf.get([...segments.slice(0, i), '{}'].join('/').replace(/\{[^{}]+\}/g, '{}'));
      if (id !== undefined) def.example = id;
    });
  }
}

/**
 * Makes the examples tell one story, as the local mock and the contract run need: fields named like an
 * environment variable take its value; in run order, a parameter filled from a captured variable takes
 * the captured example value, a request on `/…/{id}` answers with `data.id` equal to its `{id}`, and
 * a capture of an environment variable reads the environment's value. Mutates the requests.
 */
export function makeExamplesConsistent(requests: RawRequest[], variables: Record<string, string | number | boolean>) {
  const names = new Map<string, string | number | boolean>();
  for (const [name, value] of Object.entries(variables)) {
    names.set(name, value);
    names.set(
      name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      value,
    );
  }
  fillEnvironmentValues(requests, names);
  linkPathExamples(requests);
  const captured = new Map<string, unknown>(Object.entries(variables));
  for (const r of requests) {
    for (const where of ['path', 'query', 'header'] as const) {
      for (const param of Object.values(r.parameters?.[where] ?? {})) {
        const value = param.variable === undefined ? undefined : captured.get(param.variable);
        if (isId(value) || typeof value === 'boolean') param.example = value;
      }
    }
    const status = successStatus(r);
    const response = status ? r.responses[status] : undefined;
    const last = /\{([^{}]+)\}(:[\w-]+)?$/.exec(r.path)?.[1];
    const id = last ? r.parameters?.path?.[last]?.example : undefined;
    if (
      response &&
      isRecord(response.example) &&
      isRecord(response.example.data) &&
      'id' in response.example.data &&
      isId(id)
    )
      response.example = withValueAt(response.example, 'data.id', id);
    for (const [variable, path] of Object.entries(r.capture ?? {})) {
      const env = variables[variable];
      if (response && env !== undefined && readValuePath(response.example, path) !== undefined)
        response.example = withValueAt(response.example, path, env);
      captured.set(variable, response ? readValuePath(response.example, path) : undefined);
    }
  }
}

const renameRefs = (node: unknown, renames: Map<string, string>): unknown => {
  if (Array.isArray(node)) return node.map((n) => renameRefs(n, renames));
  if (!isRecord(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/schemas/')) {
        const to = renames.get(v.slice('#/schemas/'.length));
        return [k, to === undefined ? v : `#/schemas/${to}`];
      }
      return [k, renameRefs(v, renames)];
    }),
  );
};

/**
 * Shares identical schemas once: a copy of another document's schema (`Name_2`) that converts to the
 * same draft-07 schema as `Name` is dropped and its refs point at `Name`; two differently named
 * identical schemas stay, the second as a `$ref` to the first. Repeats until nothing changes.
 */
export function dedupeSchemas(schemas: Record<string, JsonSchema>, folders: Array<{ requests: RawRequest[] }>): void {
  for (;;) {
    const byBody = new Map<string, string>();
    const renames = new Map<string, string>();
    for (const name of Object.keys(schemas).sort()) {
      const schema = schemas[name];
      if (typeof schema?.$ref === 'string' && Object.keys(schema).length === 1) continue;
      const body = JSON.stringify(schema);
      const first = byBody.get(body);
      if (first === undefined) byBody.set(body, name);
      else if (/_\d+$/.test(name)) renames.set(name, first);
      else schemas[name] = { $ref: `#/schemas/${first}` };
    }
    if (renames.size === 0) return;
    for (const name of renames.keys()) delete schemas[name];
    for (const [n, s] of Object.entries(schemas)) schemas[n] = renameRefs(s, renames) as JsonSchema;
    for (const folder of folders) {
      folder.requests.forEach((r, i) => {
        const renamed = renameRefs(r, renames) as RawRequest;
        const named = (ref: unknown) => (typeof ref === 'string' ? (renames.get(ref) ?? ref) : ref);
        if (renamed.body?.schema !== undefined) renamed.body.schema = named(renamed.body.schema) as string;
        for (const response of Object.values(renamed.responses))
          if (response.schema !== undefined) response.schema = named(response.schema) as string;
        folder.requests[i] = renamed;
      });
    }
  }
}
