import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importerSourceHash, importerVersion } from '../../src/shared/importer-version.js';
import { tempDir } from '../helpers/temp.js';

describe("the importer's version", () => {
  it('changes with any file of the importer and with nothing else', () => {
    const root = tempDir();
    mkdirSync(join(root, 'openapi'));
    mkdirSync(join(root, 'generate'));
    writeFileSync(join(root, 'openapi', 'import.ts'), 'export const a = 1;\n');
    const before = importerSourceHash(root);
    writeFileSync(join(root, 'generate', 'writer.ts'), 'export const b = 2;\n');
    expect(importerSourceHash(root)).toBe(before);
    writeFileSync(join(root, 'openapi', 'import.ts'), 'export const a = 2;\n');
    expect(importerSourceHash(root)).not.toBe(before);
  });

  it('is, run from the sources, the hash of src/', () => {
    expect(importerVersion()).toBe(importerSourceHash('src'));
  });
});
