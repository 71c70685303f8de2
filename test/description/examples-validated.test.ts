import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stampDescription } from '../../src/description/import-stamp.js';
import { validateSpec } from '../../src/description/index.js';
import { importerVersion } from '../../src/shared/importer-version.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

// The minimal description with one example that breaks its schema (a vendor's name is required).
const BROKEN = readFileSync(MINIMAL_SPEC, 'utf8').replace(
  'example: { name: Acme ApS, country: DK }',
  'example: { country: DK }',
);
const exampleProblems = (text: string) =>
  validateSpec(text, 'api.yaml').problems.filter((p) => p.code === 'EXAMPLE_INVALID');

describe("an intact import of this importer's: its examples are not checked again", () => {
  it('is what the test was written for: the broken example is refused', () => {
    expect(BROKEN).not.toBe(readFileSync(MINIMAL_SPEC, 'utf8'));
    expect(exampleProblems(BROKEN)).toHaveLength(1);
  });

  it('stamped by this importer, the examples are known valid (the import validated them as it wrote them)', () => {
    expect(exampleProblems(stampDescription(BROKEN, 'a'.repeat(64), 3, importerVersion()))).toEqual([]);
  });

  it.each([
    ['another importer', (t: string) => stampDescription(t, 'a'.repeat(64), 3, 'ffffffffffffffff')],
    [
      'a stamp without the importer',
      (t: string) => stampDescription(t, 'a'.repeat(64), 3, importerVersion()).replace(/, importer \w+/, ''),
    ],
    [
      'a hand edit after the import',
      (t: string) => `${stampDescription(t, 'a'.repeat(64), 3, importerVersion())}# edited\n`,
    ],
  ])('checked again after %s', (_name, stamp) => {
    expect(exampleProblems(stamp(BROKEN))).toHaveLength(1);
  });
});
