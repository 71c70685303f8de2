import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalRefFiles, refFilesOfText } from '../../src/openapi/external-refs.js';
import { importInputHash } from '../../src/openapi/input-hash.js';
import { tempDir } from '../helpers/temp.js';

describe("the files a document's $refs reach (the import's input hash covers them)", () => {
  it('reads the file part of each $ref, in YAML and JSON, resolved against the file that holds it', () => {
    const text = [
      "schema: { $ref: './thing.yaml' }",
      '"$ref": "schemas/a.json#/A"',
      "$ref: '../common/b.yaml#/components/schemas/B'",
      '$ref: my%20types.yaml',
      "$ref: '#/components/schemas/Local'",
      '$ref: https://example.org/c.yaml',
      '$ref: //example.org/d.yaml',
      "again: { $ref: './thing.yaml#/properties/id' }",
    ].join('\n');
    expect(refFilesOfText(text, '/api/v1/openapi.yaml')).toEqual([
      '/api/v1/thing.yaml',
      '/api/v1/schemas/a.json',
      '/api/common/b.yaml',
      '/api/v1/my types.yaml',
    ]);
  });

  it('follows refs transitively, each file once, a cycle included; the documents themselves are left out', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'api.yaml'), "a: { $ref: './schemas/a.yaml' }\nself: { $ref: './api.yaml#/x' }\n");
    writeFileSync(join(dir, 'schemas', 'a.yaml'), "b: { $ref: 'b.yaml' }\n");
    writeFileSync(join(dir, 'schemas', 'b.yaml'), "a: { $ref: './a.yaml' }\nup: { $ref: '../api.yaml' }\n");
    const files = await externalRefFiles([{ path: join(dir, 'api.yaml'), text: "a: { $ref: './schemas/a.yaml' }" }]);
    expect(files.map((f) => f.path)).toEqual([resolve(dir, 'schemas/a.yaml'), resolve(dir, 'schemas/b.yaml')]);
    expect(files[1]!.content.toString('utf8')).toContain('../api.yaml');
  });

  it('an edit of a file reached only through another changes the hash; a missing one leaves it to the import', async () => {
    const dir = tempDir();
    const doc = join(dir, 'api.yaml');
    writeFileSync(doc, "openapi: 3.0.3\npaths: {}\ncomponents: { schemas: { A: { $ref: './a.yaml' } } }\n");
    writeFileSync(join(dir, 'a.yaml'), "properties: { b: { $ref: './b.yaml' } }\n");
    writeFileSync(join(dir, 'b.yaml'), 'type: string\n');
    const options = { files: [doc], into: join(dir, 'api.pleo.yaml') };
    const first = await importInputHash(options);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await importInputHash(options)).toBe(first);
    writeFileSync(join(dir, 'b.yaml'), 'type: integer\n');
    const second = await importInputHash(options);
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
    rmSync(join(dir, 'b.yaml'));
    expect(await importInputHash(options)).toBeUndefined();
  });
});
