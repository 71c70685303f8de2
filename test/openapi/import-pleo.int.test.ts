import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { importOpenApi, type ImportOutcome } from '../../src/openapi/index.js';
import { stampDescription } from '../../src/description/import-stamp.js';
import { importerVersion } from '../../src/shared/importer-version.js';
import { importInputHash } from '../../src/openapi/input-hash.js';
import { tempDir } from '../helpers/cli.js';

const DIR = 'test/fixtures/pleo-openapi';
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => `${DIR}/${f}`);
const OVERLAY = 'collections/pleo-api.overlay.yaml';
const COMMITTED_DOCS = readdirSync('collections/openapi')
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => `collections/openapi/${f}`);

/** The import's text with the fingerprint `import-openapi collections/openapi/*.yml` records in the committed file. */
async function asCommitted(text: string, requests: number): Promise<string> {
  const inputs = await importInputHash({ files: COMMITTED_DOCS, into: 'collections/pleo-api.yaml', overlay: OVERLAY });
  return stampDescription(text, inputs!, requests, importerVersion());
}
const IMPORT_HINT =
  'collections/pleo-api.yaml is not the import of the documents and the overlay: run `node dist/cli.js import-openapi collections/openapi/*.yml`, review the diff, then `node dist/cli.js generate`';

describe("the import of all of Pleo's documents", () => {
  let outcome: ImportOutcome;
  let spec: ApiDescription;
  beforeAll(async () => {
    outcome = await importOpenApi({ files: FILES, into: join(tempDir(), 'pleo-api.yaml'), overlay: OVERLAY });
    spec = validateSpec(outcome.text, 'pleo-api.yaml').spec as ApiDescription;
  });

  it('is the committed default description, collections/pleo-api.yaml', async () => {
    // Compared, not a file snapshot: `vitest -u` must not rewrite the description. It changes only by
    // `import-openapi collections/openapi/*.yml`, which CI checks with --check.
    // The documents are the same files as collections/openapi/; only the header names where they were read.
    const text = await asCommitted(outcome.text.replaceAll(`${DIR}/`, 'collections/openapi/'), outcome.requestCount);
    expect(text === readFileSync('collections/pleo-api.yaml', 'utf8'), IMPORT_HINT).toBe(true);
  });

  it('reads the same documents as collections/openapi/, byte for byte', () => {
    const committed = readdirSync('collections/openapi')
      .filter((f) => f.endsWith('.yml'))
      .sort();
    expect(FILES.map((f) => f.replace(`${DIR}/`, ''))).toEqual(committed);
    for (const f of committed)
      expect(readFileSync(`${DIR}/${f}`, 'utf8') === readFileSync(`collections/openapi/${f}`, 'utf8'), f).toBe(true);
  });

  it('validates, with every public operation a request: 79 operations (one of them used twice)', () => {
    expect(spec).toBeDefined();
    const requests = spec.folders.flatMap((f) => f.requests);
    const operations = new Set(requests.map((r) => `${r.method} ${r.path}`));
    expect(operations.size).toBe(79);
    expect(requests.length).toBe(80);
    expect(requests.filter((r) => r.path === '/v3/export-job-events').map((r) => r.name)).toEqual([
      'Start export job',
      'Complete export job',
    ]);
  });

  it('leaves out the 10 hidden (x-exclude) and the deprecated operations, and says so', () => {
    expect(outcome.leftOut.filter((l) => l.reason === 'hidden')).toHaveLength(10);
    expect(outcome.leftOut.filter((l) => l.reason === 'deprecated').map((l) => l.label)).toEqual([
      'POST /v1/accounting-entries/core:search',
      'PUT /v1/installations/completions',
      'GET /v0/tags',
    ]);
    const paths = new Set(spec.folders.flatMap((f) => f.requests.map((r) => r.path)));
    expect(paths.has('/v1/vendors/csv-import/jobs')).toBe(false);
  });

  it('makes one request of the six chart-of-accounts operations two documents describe, saying which it kept', () => {
    expect(outcome.merged).toHaveLength(6);
    for (const m of outcome.merged) {
      expect(m.label).toMatch(/\/v1\/chart-of-accounts/);
      expect(m.kept).toBe(`${DIR}/pleo-accounts-api-openapi.yml`);
      expect(m.dropped).toBe(`${DIR}/pleo-chart-of-accounts-openapi.yml`);
    }
  });

  it("gives every request the scopes of the project's map; the catalogue keeps their confidence", () => {
    const requests = spec.folders.flatMap((f) => f.requests);
    const unscoped = requests.filter((r) => r.scopes.length === 0).map((r) => r.path);
    expect([...new Set(unscoped)].every((p) => /^\/v1\/(introspect|installations|subscriptions)/.test(p))).toBe(true);
    expect(requests.find((r) => r.name === 'Archive vendor')?.scopes).toEqual(['vendors:write']);
    expect(spec.scopes['users:write']?.confidence).toBe('example-only');
    expect(spec.scopes['tax-codes:read']?.confidence).toBe('inferred');
    expect(spec.scopes['vendors:read']?.confidence).toBe('documented');
  });

  it("uses Pleo's hosts; the documents' servers match them", () => {
    expect(spec.environments.production.apiBaseUrl).toBe('https://external.pleo.io');
    expect(spec.environments.staging.authServerUrl).toBe('https://auth.staging.pleo.io');
    expect(outcome.notes.filter((n) => n.includes('matches no environment'))).toEqual([]);
  });

  it('keeps named schemas named (shared once), converts nullable, drops date masks', () => {
    expect(spec.folders.flatMap((f) => f.requests).find((r) => r.name === 'Get vendor')?.responses['200']?.schema).toBe(
      'DataResponseVendorResponse',
    );
    const bodies = Object.values(spec.schemas).map((s) => JSON.stringify(s));
    expect(bodies.filter((b) => b.length > 40 && bodies.indexOf(b) !== bodies.lastIndexOf(b))).toEqual([]);
    expect(outcome.text).not.toContain('nullable');
    expect(outcome.text).not.toContain('YYYY-MM-DD');
  });

  it('keeps the captures and chaining of the hand-kept overlay', () => {
    const byName = new Map(spec.folders.flatMap((f) => f.requests).map((r) => [r.name, r]));
    expect(byName.get('Create vendor')?.capture).toEqual({ vendorId: 'data.id' });
    expect(byName.get('Get vendor')?.parameters.path.id?.variable).toBe('vendorId');
    expect(byName.get('Archive vendor')?.mock.sets).toEqual({ state: 'ARCHIVED' });
    expect(byName.get('Create vendor')?.body?.variables).toMatchObject({ companyId: 'companyId' });
  });

  it('also imports the hidden operations when asked', async () => {
    const all = await importOpenApi({
      files: FILES,
      into: join(tempDir(), 'x.yaml'),
      overlay: OVERLAY,
      includeHidden: true,
    });
    expect(all.leftOut.filter((l) => l.reason === 'hidden')).toEqual([]);
    expect(all.requestCount).toBe(89);
  });

  it('without the overlay, two operations that would get the same name: the second gets its operationId, and a note', async () => {
    const outcome = await importOpenApi({ files: FILES, into: join(tempDir(), 'x.yaml') });
    const renamed = outcome.notes.filter((n) => n.includes('": "Create a new account" is '));
    expect(renamed).toEqual([
      `POST /v1/chart-of-accounts (${DIR}/pleo-accounts-api-openapi.yml): named "Create a new account (createAccountV1)": "Create a new account" is POST /v1-beta/accounts in folder "Accounts"`,
    ]);
    expect(outcome.notes.filter((n) => / \(\w+V1\)": "/.test(n))).toHaveLength(4);
    expect(outcome.text).toContain('name: Create a new account (createAccountV1)');
  });
});

it('re-imported over the committed description, every folder is unchanged, repaired examples included', async () => {
  const again = await importOpenApi({ files: COMMITTED_DOCS, into: 'collections/pleo-api.yaml', overlay: OVERLAY });
  expect(await asCommitted(again.text, again.requestCount)).toBe(again.previousText);
  for (const folder of again.summary) {
    expect({ folder: folder.folder, added: folder.added, changed: folder.changed, removed: folder.removed }).toEqual({
      folder: folder.folder,
      added: [],
      changed: [],
      removed: [],
    });
  }
});
