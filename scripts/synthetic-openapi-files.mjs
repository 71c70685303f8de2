// The synthetic OpenAPI document (scripts/synthetic-openapi.mjs) split over many files, as large
// documents are kept: each path item, schema and shared response in a file of its own, tied together
// by relative `$ref`s. For the multi-file line of the benchmark (scripts/bench-multi-file.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticOpenApi } from './synthetic-openapi.mjs';

const fileName = (name) => `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;

/** `#/components/schemas/X` → a path to X's file, from a file `depth` folders below the root. */
function relink(node, from) {
  if (Array.isArray(node)) return node.map((n) => relink(n, from));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    const m =
      key === '$ref' && typeof value === 'string' ? /^#\/components\/(schemas|responses)\/(.+)$/.exec(value) : null;
    out[key] = m ? `${from}${m[1]}/${fileName(m[2])}` : relink(value, from);
  }
  return out;
}

/** Writes the document of `operations` operations into `dir`; returns the root file and the file count. */
export function writeSyntheticOpenApiFiles(dir, operations) {
  const doc = syntheticOpenApi(operations);
  let files = 0;
  const write = (path, value) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(value, null, 2));
    files++;
  };
  for (const section of ['schemas', 'responses'])
    for (const [name, value] of Object.entries(doc.components[section] ?? {}))
      write(`${section}/${fileName(name)}`, relink(value, '../'));
  const paths = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    const file = `paths/${fileName(path.slice(1))}`;
    write(file, relink(item, '../'));
    paths[path] = { $ref: `./${file}` };
  }
  const { schemas: _s, responses: _r, ...components } = doc.components;
  const root = join(dir, 'openapi.json');
  writeFileSync(root, JSON.stringify({ ...doc, paths, components }, null, 2));
  return {
    root,
    files: files + 1,
    operations: Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0),
  };
}
