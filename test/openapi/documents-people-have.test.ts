import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { UserError } from '../../src/errors.js';
import { buildEnvironment } from '../../src/generate/environments.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { ImportError } from '../../src/openapi/problems.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = 'test/fixtures/openapi';

async function imported(file: string) {
  const outcome = await importOpenApi({ files: [file], into: join(tempDir(), 'api.yaml') });
  const result = validateSpec(outcome.text, 'api.yaml');
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { outcome, spec: result.spec as ApiDescription };
}

const requestsOf = (spec: ApiDescription) => spec.folders.flatMap((f) => f.requests);

describe('valid documents import with no flags', () => {
  it('OAuth 2.0 scopes of any shape (read, openid, app-remote-control, root_readonly) are the catalogue', async () => {
    const { spec } = await imported(`${FIXTURES}/plain-scopes-3.0.yaml`);
    expect(Object.keys(spec.scopes).sort()).toEqual(['app-remote-control', 'openid', 'read', 'root_readonly']);
    expect(requestsOf(spec).find((r) => r.path === '/me')?.scopes).toEqual(['openid', 'read']);
  });

  it('operations secured by an API key or by nothing are imported, each with a note', async () => {
    const { spec, outcome } = await imported(`${FIXTURES}/plain-scopes-3.0.yaml`);
    expect(requestsOf(spec).find((r) => r.path === '/admin/stats')?.scopes).toEqual([]);
    expect(requestsOf(spec).find((r) => r.path === '/status')?.scopes).toEqual([]);
    expect(outcome.notes).toContain(
      `GET /admin/stats (${FIXTURES}/plain-scopes-3.0.yaml): secured by "apiKey" (apiKey), not the collection's OAuth 2.0; imported as needing OAuth 2.0`,
    );
  });

  it('two operations of a folder with one summary: the second gets its operationId after it, and a note', async () => {
    const { spec, outcome } = await imported(`${FIXTURES}/plain-scopes-3.0.yaml`);
    const player = spec.folders.find((f) => f.name === 'Player')?.requests.map((r) => `${r.name} = ${r.path}`);
    expect(player).toEqual(['Control the player = /me/player', 'Control the player (skipToNext) = /me/player/next']);
    expect(outcome.notes.filter((n) => n.includes('named "Control the player (skipToNext)"'))).toHaveLength(1);
  });

  it('without an operationId the suffix is the method and path; the same on every import', async () => {
    const first = await imported(`${FIXTURES}/bad/duplicate-names.yaml`);
    const again = await imported(`${FIXTURES}/bad/duplicate-names.yaml`);
    expect(requestsOf(first.spec).map((r) => r.name)).toEqual(['List things', 'List things (POST /things:search)']);
    expect(again.outcome.text).toBe(first.outcome.text);
  });

  it('environments are named after the API, server variables take their defaults, plain HTTP becomes HTTPS', async () => {
    const { spec } = await imported(`${FIXTURES}/plain-scopes-3.0.yaml`);
    expect(buildEnvironment(spec, 'staging', []).name).toBe('Music player staging');
    const uspto = await imported(`${FIXTURES}/public/oai-v3.0-uspto.yaml`);
    expect(uspto.spec.environments.production.apiBaseUrl).toBe('https://developer.uspto.gov/ds-api');
    const petstore = await imported(`${FIXTURES}/public/oai-v3.0-petstore.yaml`);
    expect(petstore.spec.environments.production.apiBaseUrl).toBe('https://petstore.swagger.io/v1');
    expect(petstore.outcome.notes.some((n) => n.startsWith('server http://petstore.swagger.io/v1 is plain HTTP'))).toBe(
      true,
    );
  });

  it('an example written as a string of JSON is read as the JSON it holds', async () => {
    const { spec } = await imported(`${FIXTURES}/plain-scopes-3.0.yaml`);
    expect(requestsOf(spec).find((r) => r.path === '/status')?.responses['200']?.example).toEqual({ up: false });
  });

  it('HEAD operations are named in a note', async () => {
    const { outcome } = await imported(`${FIXTURES}/plain-scopes-3.0.yaml`);
    expect(outcome.notes).toContain(
      `HEAD /me/player (${FIXTURES}/plain-scopes-3.0.yaml): not imported: the description has no HEAD requests`,
    );
  });

  it('an example made for a pattern matches the pattern', async () => {
    const { spec } = await imported(`${FIXTURES}/plain-scopes-3.0.yaml`);
    const me = requestsOf(spec).find((r) => r.path === '/me')?.responses['200']?.example as { id: string };
    expect(me.id).toMatch(/^[a-z0-9]{22}$/);
  });

  it('a schema in another file used by two operations is one schema named after its file (bundling points the second use into #/paths/…)', async () => {
    const { spec } = await imported(`${FIXTURES}/multi-file/api.yaml`);
    const [list, get] = requestsOf(spec).map((r) => r.responses['200']);
    expect(list?.schema).toBe('Thing');
    expect(get?.schema).toBe('Thing');
    expect(spec.schemas.Thing).toMatchObject({ required: ['id', 'code'] });
    for (const response of [list, get])
      expect((response?.example as { code?: string } | undefined)?.code).toMatch(/^TH-[0-9]{4}$/);
  });

  it('a document with only webhooks imports (no requests), and says what it left out', async () => {
    const { spec, outcome } = await imported(`${FIXTURES}/webhooks-only-3.1.yaml`);
    expect(spec.folders).toEqual([]);
    expect(outcome.notes).toContain(
      `${FIXTURES}/webhooks-only-3.1.yaml: 1 webhook not imported (requests the API sends, not ones it answers): newPet`,
    );
  });

  it('Swagger 2.0 is converted (swagger2openapi): host and basePath become the server', async () => {
    const { spec } = await imported(`${FIXTURES}/swagger-2.0.yaml`);
    expect(requestsOf(spec).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /things', 'GET /things/{id}']);
    expect(spec.environments.production.apiBaseUrl).toBe('https://api.old.example/v1');
    expect(spec.schemas.Thing).toMatchObject({ required: ['id', 'name'] });
  });
});

describe("damaged documents are refused at the document's own file:line:col, never with a crash", () => {
  const source = 'test/fixtures/pleo-openapi/pleo-tags-api-openapi.yml';
  const lines = readFileSync(source, 'utf8').split('\n');
  let state = 20_261_202;
  const random = (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
  const mutations: Array<(l: string[]) => string[]> = [
    (l) => l.filter((_, i) => i !== random(l.length)),
    (l) => l.map((line, i, all) => (i === random(all.length) ? `\t${line}` : line)),
    (l) => {
      const i = random(l.length - 1);
      return [...l.slice(0, i), l[i + 1] as string, l[i] as string, ...l.slice(i + 2)];
    },
    (l) => l.slice(0, random(l.length)),
    (l) => l.map((line, i, all) => (i === random(all.length) ? line.replace(/:\s.*$/, ':') : line)),
    (l) => l.map((line, i, all) => (i === random(all.length) ? line.replace(/:\s.*$/, ': 42') : line)),
    (l) => l.map((line, i, all) => (i === random(all.length) ? line.replace(/:\s.*$/, ': [a]') : line)),
    (l) => {
      // a block's key left with nothing under it (`parameters:` and no list), or a number
      const keys = l.flatMap((line, i) => (/^\s*[\w-]+:$/.test(line) ? [i] : []));
      const at = keys[random(keys.length)] as number;
      const indent = (s: string) => s.length - s.trimStart().length;
      let end = at + 1;
      while (end < l.length && (indent(l[end] as string) > indent(l[at] as string) || /^\s*- /.test(l[end] as string)))
        end++;
      const emptied = random(2) === 0 ? l[at] : `${l[at]} 42`;
      return [...l.slice(0, at), emptied as string, ...l.slice(end)];
    },
  ];

  it('80 mutations of a Pleo document (deleted, tabbed, swapped or emptied lines, truncation, replaced values)', async () => {
    const dir = tempDir();
    let refused = 0;
    for (let k = 0; k < 80; k++) {
      const file = join(dir, `mutated-${k}.yml`);
      writeFileSync(file, (mutations[random(mutations.length)] as (l: string[]) => string[])([...lines]).join('\n'));
      try {
        await importOpenApi({ files: [file], into: join(dir, 'api.yaml') });
      } catch (error) {
        expect(error, String((error as Error).stack)).toBeInstanceOf(UserError);
        if (!(error instanceof ImportError)) continue;
        refused++;
        for (const problem of error.problems) expect(problem.file).toBe(file);
        expect(error.message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error: `));
        expect(error.message).not.toContain('api.yaml');
      }
    }
    expect(refused).toBeGreaterThan(10);
  }, 60_000);
});
