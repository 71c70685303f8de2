import { pointerSegments } from '../description/problem.js';
import type { OpenApiDocument } from './types.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sanitize = (name: string): string => {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(s) ? s : `S${s}`;
};

/** Every `$ref` string of a value. */
function refsOf(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) refsOf(item, out);
  else if (isRecord(node))
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.add(value);
      else refsOf(value, out);
    }
  return out;
}

/** The name a file `$ref` gives: `./schemas/thing.yaml` → `Thing`, `common.yaml#/Error` → `Error`. */
function nameOfFileRef(ref: string): string | undefined {
  const [file = '', fragment = ''] = ref.split('#');
  const word =
    fragment.split('/').filter(Boolean).at(-1) ??
    file
      .split('/')
      .at(-1)
      ?.replace(/\.(ya?ml|json)$/i, '');
  return word ? sanitize(`${word.charAt(0).toUpperCase()}${word.slice(1)}`) : undefined;
}

function nameFor(pointer: string, target: Record<string, unknown>, original: unknown): string {
  if (typeof target.title === 'string' && target.title.trim() !== '') return sanitize(target.title.trim());
  // Where the document as written had a `$ref` to a file, the file names the schema.
  const segments = pointerSegments(pointer);
  const written = segments.reduce<unknown>(
    (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
    original,
  );
  if (isRecord(written) && typeof written.$ref === 'string' && !written.$ref.startsWith('#')) {
    const named = nameOfFileRef(written.$ref);
    if (named) return named;
  }
  const property = segments.findLast((_s, i) => segments[i - 1] === 'properties');
  if (property !== undefined) return sanitize(`${property.charAt(0).toUpperCase()}${property.slice(1)}`);
  const method = segments[2] ?? '';
  const path = (segments[1] ?? '').split('/').filter((s) => s !== '' && !s.startsWith('{'));
  const where = segments.includes('requestBody')
    ? 'Body'
    : `Response${segments[segments.indexOf('responses') + 1] ?? ''}`;
  return sanitize(`${method}_${path.join('_')}_${where}`);
}

/**
 * Schemas that bundling left inside an operation, because a file used by several operations is
 * written where it is first met and the other uses point there (`#/paths/~1a/get/…/schema`), are
 * moved to `components/schemas` under a name (their title, the file the document as written (`original`)
 * refers to there, the property that holds them, or the operation's method and path), and every use points at them: they are shared like the document's
 * own components instead of copied into each request. Mutates the bundled document.
 */
export function hoistPathSchemas(document: OpenApiDocument, original?: unknown): number {
  const targets = [...refsOf(document.paths, new Set())]
    .filter((ref) => ref.startsWith('#/paths/') && pointerSegments(ref.slice(1)).includes('schema'))
    .sort((a, b) => pointerSegments(b.slice(1)).length - pointerSegments(a.slice(1)).length);
  if (targets.length === 0) return 0;
  document.components ??= {};
  document.components.schemas ??= {};
  const schemas = document.components.schemas;
  const renamed = new Map<string, string>();
  for (const ref of targets) {
    const segments = pointerSegments(ref.slice(1));
    const parent = segments
      .slice(0, -1)
      .reduce<unknown>(
        (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
        document,
      );
    const last = segments.at(-1) as string;
    const target = isRecord(parent) || Array.isArray(parent) ? (parent as Record<string, unknown>)[last] : undefined;
    if (!isRecord(target) || typeof target.$ref === 'string') continue;
    const base = nameFor(ref.slice(1), target, original);
    let name = base;
    for (let n = 2; name in schemas; n++) name = `${base}_${n}`;
    schemas[name] = target;
    (parent as Record<string, unknown>)[last] = { $ref: `#/components/schemas/${name}` };
    renamed.set(ref, `#/components/schemas/${name}`);
  }
  const relink = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) relink(item);
    else if (isRecord(node))
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') node.$ref = renamed.get(value) ?? value;
        else relink(value);
      }
  };
  relink(document.paths);
  relink(document.components);
  return renamed.size;
}
