// @ts-nocheck
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const BAD = 'test/fixtures/openapi/bad';

describe('import-openapi refuses bad input: file:line:col, exit 1, nothing written', () => {
  const cases: Array<[string, { file: string; want: string[] }]> = [
    [
      'a file that is not OpenAPI',
      { file: 'not-openapi.yaml', want: [':1:1 error: not an OpenAPI document: it has no "openapi" field'] },
    ],
    [
      'Swagger 2.0',
      {
        file: 'swagger-2.yaml',
        want: [':1:10 error: Swagger 2.0 is not supported (at #/swagger)', '→ convert it to OpenAPI 3 first'],
      },
    ],
    [
      'an unsupported openapi version',
      {
        file: 'openapi-4.yaml',
        want: [
          ':1:10 error: OpenAPI version "4.0.0" is not supported (at #/openapi)',
          '→ the importer reads OpenAPI 3.0.x, 3.1.x and 3.2.x',
        ],
      },
    ],
    ['broken YAML', { file: 'broken.yaml', want: ['error: YAML/JSON syntax error: Flow sequence'] }],
    [
      'broken JSON',
      { file: 'broken.json', want: [':4:34 error: JSON syntax error: unexpected "}"', '"/things": { "get": } }'] },
    ],
    [
      'a $ref that points nowhere',
      {
        file: 'bad-ref.yaml',
        want: [
          ':13:23 error: $ref cannot be resolved: Missing $ref pointer "#/components/schemas/Nowhere"',
          '(at #/paths/~1things/get/responses/200/content/application~1json/schema)',
        ],
      },
    ],
    [
      'two operations that would get the same request name',
      {
        file: 'duplicate-names.yaml',
        want: [
          ':12:7 error: two requests of folder "Things" would be named "List things": GET /things and POST /things:search',
          '→ give one of them another summary, or a name in the overlay',
        ],
      },
    ],
    [
      'an operation with no scope mapping',
      {
        file: 'unmapped.yaml',
        want: [
          ':7:7 error: operation "Read secrets" (GET /secrets) has no scopes',
          '(at #/paths/~1secrets/get)',
          '→ pass --scopes-map FILE with an entry for it, or --allow-unscoped',
        ],
      },
    ],
  ];
  it.each(cases)('%s', (_, { file, want }) => {
    const into = join(tempDir(), 'api.yaml');
    const run = runCli(['import-openapi', `${BAD}/${file}`, '--into', into]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: import-openapi: 1 problem\n${BAD}/${file}:`);
    for (const text of want) expect(run.stderr).toContain(text);
    expect(run.stderr.trimEnd().endsWith('nothing was written')).toBe(true);
    expect(existsSync(into)).toBe(false);
  });

  it('an existing description is left as it was', () => {
    const into = join(tempDir(), 'api.yaml');
    writeFileSync(into, 'before\n');
    expect(runCli(['import-openapi', `${BAD}/bad-ref.yaml`, '--into', into]).status).toBe(1);
    expect(readFileSync(into, 'utf8')).toBe('before\n');
  });

  it('every problem of every file is reported at once', () => {
    const run = runCli([
      'import-openapi',
      `${BAD}/swagger-2.yaml`,
      `${BAD}/broken.json`,
      '--into',
      join(tempDir(), 'a.yaml'),
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: import-openapi: 2 problems');
  });

  it('a document that cannot be read', () => {
    const run = runCli(['import-openapi', `${BAD}/missing.yaml`, '--into', join(tempDir(), 'a.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot read the OpenAPI document "${BAD}/missing.yaml": ENOENT`);
  });

  it('an unmapped operation names the scopes map to extend; --allow-unscoped imports it, and says so', () => {
    const dir = tempDir();
    const map = join(dir, 'scopes.yaml');
    writeFileSync(map, 'scopes:\n  secrets:read: { description: Read secrets }\noperations: []\n');
    const into = join(dir, 'api.yaml');
    const refused = runCli(['import-openapi', `${BAD}/unmapped.yaml`, '--into', into, '--scopes-map', map]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`→ add "match: GET /secrets" to ${map}, or pass --allow-unscoped`);
    const allowed = runCli([
      'import-openapi',
      `${BAD}/unmapped.yaml`,
      '--into',
      into,
      '--scopes-map',
      map,
      '--allow-unscoped',
    ]);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).toContain(
      'GET /secrets (test/fixtures/openapi/bad/unmapped.yaml): no scope mapping; imported as needing any valid token',
    );
    expect(readFileSync(into, 'utf8')).toContain('path: /secrets');
  });

  it('a scopes map with a mistake is located', () => {
    const dir = tempDir();
    const map = join(dir, 'scopes.yaml');
    writeFileSync(
      map,
      'scopes:\n  secrets:read: { description: Read secrets }\noperations:\n  - { match: GET /secrets, scopes: [secret:read] }\n',
    );
    const run = runCli(['import-openapi', `${BAD}/unmapped.yaml`, '--into', join(dir, 'a.yaml'), '--scopes-map', map]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${map}:4:37 error: scope "secret:read" is not in the map's catalogue`);
  });

  it('an imported description that would not validate is refused, located in the would-be file', () => {
    // no scopes anywhere: the description needs a scope catalogue
    const run = runCli([
      'import-openapi',
      `${BAD}/unmapped.yaml`,
      '--into',
      join(tempDir(), 'a.yaml'),
      '--allow-unscoped',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /the imported description would not validate \(1 problem, lines of the would-be .*a\.yaml\)/,
    );
    expect(run.stderr).toContain('(at #/scopes)');
  });
});
