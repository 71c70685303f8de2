// @ts-nocheck
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const PETSTORE = 'test/fixtures/openapi/petstore-3.0.json';
import type { Json } from '../helpers/json.js';

/** A working copy of the pet shop document, its description and overlay, in a temp directory. */
function workspace() {
  const dir = tempDir();
  const doc = join(dir, 'petstore.json');
  const into = join(dir, 'pets.yaml');
  writeFileSync(doc, readFileSync(PETSTORE, 'utf8'));
  const requests = (): Json[] => (load(readFileSync(into, 'utf8')) as Json).folders.flatMap((f: Json) => f.requests);
  const editDoc = (edit: (d: Json) => void) => {
    const d = JSON.parse(readFileSync(doc, 'utf8')) as Json;
    edit(d);
    writeFileSync(doc, JSON.stringify(d, null, 2));
  };
  return { dir, doc, into, overlay: join(dir, 'pets.overlay.yaml'), requests, editDoc };
}

describe('re-importing', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace();
    expect(runCli(['import-openapi', ws.doc, '--into', ws.into]).status).toBe(0);
  });

  it('keeps a hand edit: the overlay beside the description is applied again', () => {
    writeFileSync(
      ws.overlay,
      [
        'requests:',
        "  'POST /v1/pets': { capture: { petId: data.id }, responseTimeMs: 1500, body: { variables: { name: 'Rex {{$timestamp}}' } } }",
        "  'GET /v1/pets/{petId}': { name: Fetch pet, parameters: { path: { petId: { variable: petId } } } }",
        '',
      ].join('\n'),
    );
    const run = runCli(['import-openapi', ws.doc, '--into', ws.into]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Pets: 0 added, 2 changed, 0 removed, 3 unchanged');
    expect(run.stdout).toContain('  ~ Create pet (body, capture, responseTimeMs)');
    // renamed, not removed and added; its {petId} now names the created pet, and so does its example
    expect(run.stdout).toContain('  ~ Fetch pet (name, parameters, responses)');
    const byName = new Map(ws.requests().map((r) => [r.name, r]));
    expect(byName.get('Create pet')).toMatchObject({ capture: { petId: 'data.id' }, responseTimeMs: 1500 });
    expect(byName.get('Fetch pet')?.parameters.path.petId).toMatchObject({ variable: 'petId' });
    expect(byName.get('Fetch pet')?.parameters.path.petId.example).toBe(
      byName.get('Create pet')?.responses['201'].example.data.id,
    );
    // and again: nothing changes
    const again = runCli(['import-openapi', ws.doc, '--into', ws.into]);
    expect(again.stdout).toContain(`unchanged: ${ws.into}`);
  });

  it('after the document changed: added, changed (which parts), removed (kept until --prune)', () => {
    ws.editDoc((d) => {
      d.paths['/v1/pets/{petId}:adopt'] = {
        post: {
          tags: ['Pets'],
          summary: 'Adopt pet',
          parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Adopted' } },
        },
      };
      d.paths['/v1/pets'].get.responses['200'].description = 'The pets, newest first';
      delete d.paths['/v1/pets/{petId}'].delete;
    });
    const dry = runCli(['import-openapi', ws.doc, '--into', ws.into, '--dry-run']);
    expect(dry.status).toBe(0);
    const before = readFileSync(ws.into, 'utf8');
    expect(dry.stdout).toContain('Pets: 1 added, 1 changed, 1 removed (kept until --prune), 3 unchanged');
    expect(dry.stdout).toContain('  + Adopt pet');
    expect(dry.stdout).toContain('  ~ List pets (responses)');
    expect(dry.stdout).toContain('  - Delete pet');
    expect(dry.stdout).toContain('nothing was written');
    expect(readFileSync(ws.into, 'utf8')).toBe(before);

    expect(runCli(['import-openapi', ws.doc, '--into', ws.into]).status).toBe(0);
    const kept = ws.requests().find((r) => r.name === 'Delete pet');
    expect(kept?.description).toMatch(/^Removed: no longer in the OpenAPI documents/);
    expect(ws.requests().map((r) => r.name)).toContain('Adopt pet');

    const pruned = runCli(['import-openapi', ws.doc, '--into', ws.into, '--prune']);
    expect(pruned.stdout).toContain('Pets: 0 added, 0 changed, 1 removed, 5 unchanged');
    expect(ws.requests().map((r) => r.name)).not.toContain('Delete pet');
  });

  it('--check exits 1 on drift, writes nothing, and 0 when the description is what the documents give', () => {
    expect(runCli(['import-openapi', ws.doc, '--into', ws.into, '--check']).status).toBe(0);
    ws.editDoc((d) => {
      d.paths['/v1/pets'].post.summary = 'Register pet';
    });
    const before = readFileSync(ws.into, 'utf8');
    const check = runCli(['import-openapi', ws.doc, '--into', ws.into, '--check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`error: ${ws.into} is not what the OpenAPI documents give`);
    expect(readFileSync(ws.into, 'utf8')).toBe(before);
  });

  it('a hand edit of the generated description itself is drift too', () => {
    writeFileSync(ws.into, readFileSync(ws.into, 'utf8').replace('name: List pets', 'name: All pets'));
    expect(runCli(['import-openapi', ws.doc, '--into', ws.into, '--check']).status).toBe(1);
    expect(existsSync(ws.into)).toBe(true);
  });
});
