import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { buildCollection } from '../../src/generate/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { runLocalSuite } from '../../src/run/index.js';
import type { Json } from '../helpers/json.js';
import { tempDir } from '../helpers/temp.js';

const DIR = 'test/fixtures/openapi/public';
const SOURCES = JSON.parse(readFileSync(join(DIR, 'sources.json'), 'utf8')) as Array<{
  file: string;
  origin: string;
  licence: string;
}>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace', 'query'];
const GENERATED_FOLDERS = new Set(['Token', 'Negative', 'Security']);

interface Row {
  file: string;
  origin: string;
  licence: string;
  version: string;
  operations: number;
  requests: number;
  leftOut: string;
  suite: string;
}

/** The operations a document declares, as `METHOD /path`. */
function operationsOf(document: Json): string[] {
  return Object.entries((document.paths ?? {}) as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => m in (item as Json)).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** The table of the README's "Real documents" section (the same as `node scripts/public-documents-table.mjs`). */
function table(rows: readonly Row[]): string {
  const head = [
    '| document | origin (licence) | version | operations | requests | left out | suite against the mock |',
    '|---|---|---|---:|---:|---|---|',
  ];
  return [
    ...head,
    ...rows.map(
      (r) =>
        `| ${r.file} | [${new URL(r.origin).pathname.split('/').slice(1, 3).join('/')}](${r.origin}) (${r.licence}) | ${r.version} | ${r.operations} | ${r.requests} | ${r.leftOut} | ${r.suite} |`,
    ),
  ].join('\n');
}

/** A Markdown table's lines with the cells trimmed and the rule shortened, as `npm run format` pads them. */
const normalised = (markdown: string): string =>
  markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^(:?)-+(:?)$/, '$1-$2'))
            .join('|')
        : line,
    )
    .join('\n');

describe('real public documents: each imports with no flags, generates, and runs green against its own mock', () => {
  const rows: Row[] = [];
  it.each(SOURCES)(
    '$file',
    async ({ file, origin, licence }) => {
      const path = join(DIR, file);
      const document = load(readFileSync(path, 'utf8')) as Json;
      const outcome = await importOpenApi({ files: [path], into: join(tempDir(), 'api.yaml') });
      const result = validateSpec(outcome.text, 'api.yaml');
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const spec = result.spec as ApiDescription;

      // One request per operation: each operation is a request, or is named as left out.
      const operations = operationsOf(document);
      // Two paths of one template (`/Contacts/{ContactID}`, `/Contacts/{ContactNumber}`) are one URL: merged.
      const merged = outcome.merged.map((m) => m.label);
      const leftOut = [...outcome.leftOut.map((l) => l.label), ...merged];
      const unsent = operations.filter((op) =>
        outcome.notes.some((n) => n.startsWith(`${op} (`) && n.includes('not imported: the description has no')),
      );
      const { collection } = buildCollection(spec) as { collection: Json };
      const items = (collection.item as Json[])
        .filter((folder) => !GENERATED_FOLDERS.has(folder.name))
        .flatMap((folder) => folder.item as Json[]);
      const sent = items.map(
        (item) =>
          `${item.request.method} ${spec.folders.flatMap((f) => f.requests).find((r) => r.name === item.name && r.method === item.request.method)?.path}`,
      );
      expect(sent.sort()).toEqual(operations.filter((op) => !leftOut.includes(op) && !unsent.includes(op)).sort());

      const summary = await runLocalSuite({ spec, reporters: [] });
      expect(summary.failures).toEqual([]);
      expect(summary.ok).toBe(true);
      expect(summary.requests.total).toBeGreaterThanOrEqual(items.length);

      const why = [
        ...(unsent.length > 0
          ? [`${unsent.length} ${[...new Set(unsent.map((u) => u.split(' ')[0]))].join('/')}`]
          : []),
        ...(outcome.leftOut.length > 0
          ? [`${outcome.leftOut.length} ${[...new Set(outcome.leftOut.map((l) => l.reason))].join('/')}`]
          : []),
        ...(merged.length > 0 ? [`${merged.length} of a path template already imported`] : []),
      ];
      const passed = summary.assertions.passed ?? summary.assertions.total - summary.assertions.failed;
      rows.push({
        file,
        origin,
        licence,
        version: String(document.openapi ?? `Swagger ${document.swagger}`),
        operations: operations.length,
        requests: items.length,
        leftOut: why.length > 0 ? why.join(', ') : '—',
        suite: `green (${passed} assertion${passed === 1 ? '' : 's'}, 0 failed)`,
      });
    },
    240_000,
  );

  // scripts/public-documents-table.mjs runs this file with PUBLIC_DOCUMENTS_TABLE set to write the table.
  it("the README's table is this test's result", () => {
    const order = SOURCES.map((s) => s.file);
    const sorted = [...rows].sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file));
    expect(rows).toHaveLength(SOURCES.length);
    const out = process.env.PUBLIC_DOCUMENTS_TABLE;
    if (out) writeFileSync(out, `${table(sorted)}\n`);
    else expect(normalised(readFileSync('README.md', 'utf8'))).toContain(normalised(table(sorted)));
  });
});
