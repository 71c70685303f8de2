import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const PETSTORE = 'test/fixtures/openapi/petstore-3.0.json';
const FAST = 'inputs unchanged since the import';

/** The pet shop document imported into a temp directory, with a `check` that runs `import-openapi --check`. */
function workspace() {
  const dir = tempDir();
  const doc = join(dir, 'petstore.json');
  const into = join(dir, 'pets.yaml');
  writeFileSync(doc, readFileSync(PETSTORE, 'utf8'));
  const check = () => runCli(['import-openapi', doc, '--into', into, '--check']);
  return { dir, doc, into, overlay: join(dir, 'pets.overlay.yaml'), check };
}

describe('import-openapi --check answers from the recorded fingerprint', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace();
    expect(runCli(['import-openapi', ws.doc, '--into', ws.into]).status).toBe(0);
  });

  it('unchanged inputs: exit 0 with one line, without importing', () => {
    const check = ws.check();
    expect(check.status).toBe(0);
    expect(check.stdout).toBe(`up to date: ${ws.into} matches 1 OpenAPI documents (5 requests; ${FAST})\n`);
    expect(check.stderr).toBe('');
    const again = runCli(['import-openapi', ws.doc, '--into', ws.into]);
    expect(again.stdout).toBe(`unchanged: ${ws.into} (5 requests; ${FAST})\n`);
  });

  it('a changed document is imported in full: drift exits 1, a change that gives the same description passes', () => {
    const doc = JSON.parse(readFileSync(ws.doc, 'utf8'));
    writeFileSync(ws.doc, JSON.stringify(doc)); // other bytes, same document
    const same = ws.check();
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('imported in full');
    expect(same.stdout).not.toContain(FAST);
    doc.paths['/v1/pets'].get.summary = 'List every pet';
    writeFileSync(ws.doc, JSON.stringify(doc));
    const drift = ws.check();
    expect(drift.status).toBe(1);
    expect(drift.stderr).toContain(`error: ${ws.into} is not what the OpenAPI documents give`);
    expect(drift.stdout).toContain('~ List every pet');
  });

  it('a changed overlay is imported in full', () => {
    writeFileSync(ws.overlay, "requests:\n  'GET /v1/pets': { name: Every pet }\n");
    const drift = ws.check();
    expect(drift.status).toBe(1);
    expect(runCli(['import-openapi', ws.doc, '--into', ws.into]).status).toBe(0);
    expect(readFileSync(ws.into, 'utf8')).toContain('name: Every pet');
    expect(ws.check().stdout).toContain(FAST);
  });

  it('a hand edit of the description fails the check though the inputs are unchanged', () => {
    const text = readFileSync(ws.into, 'utf8');
    writeFileSync(ws.into, text.replace(/name: (.*)/, 'name: $1 (edited)'));
    const check = ws.check();
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`error: ${ws.into} is not what the OpenAPI documents give`);
    writeFileSync(ws.into, text);
    expect(ws.check().stdout).toContain(FAST);
  });

  it('a description without a fingerprint passes in full, and an import records one', () => {
    const text = readFileSync(ws.into, 'utf8');
    writeFileSync(ws.into, text.replace(/^# Import fingerprint.*\n/m, ''));
    const check = ws.check();
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('imported in full');
    const record = runCli(['import-openapi', ws.doc, '--into', ws.into]);
    expect(record.stdout).toContain(`recorded the fingerprint in ${ws.into}`);
    expect(readFileSync(ws.into, 'utf8')).toBe(text);
  });

  it('other options are other inputs', () => {
    const check = runCli(['import-openapi', ws.doc, '--into', ws.into, '--check', '--include-hidden']);
    expect(check.stdout).not.toContain(FAST);
  });
});

describe('import-openapi --check and a document split into files: the fingerprint covers the files its $refs reach', () => {
  const MULTI = 'test/fixtures/openapi/multi-file';
  /** The split document copied into a fresh folder, imported there with relative paths (as CI runs it). */
  function splitWorkspace() {
    const dir = tempDir();
    cpSync(MULTI, dir, { recursive: true });
    const args = ['import-openapi', 'api.yaml', '--into', 'things.yaml'];
    expect(runCli(args, dir).status).toBe(0);
    return { dir, check: () => runCli([...args, '--check'], dir) };
  }

  it('an edit of a referenced file is drift, though the document itself is unchanged', () => {
    const ws = splitWorkspace();
    expect(ws.check().stdout).toContain(FAST);
    const thing = join(ws.dir, 'thing.yaml');
    writeFileSync(thing, readFileSync(thing, 'utf8').replace('{4}', '{5}'));
    const drift = ws.check();
    expect(drift.status).toBe(1);
    expect(drift.stderr).toContain('error: things.yaml is not what the OpenAPI documents give');
  });

  it('the fingerprint is the same in any folder the inputs are copied to', () => {
    const stamp = (dir: string) =>
      readFileSync(join(dir, 'things.yaml'), 'utf8').match(/^# Import fingerprint.*$/m)?.[0];
    const [one, two] = [splitWorkspace(), splitWorkspace()];
    expect(stamp(one.dir)).toMatch(/inputs [0-9a-f]{64}/);
    expect(stamp(one.dir)).toBe(stamp(two.dir));
  });
});
