import { describe, expect, it } from 'vitest';
import { intactStamp, stampDescription, withoutStamp } from '../../src/description/import-stamp.js';

const INPUTS = 'a'.repeat(64);
const IMPORTER = '0123456789abcdef';
const TEXT = '# header\n# From: pets.json\ninfo:\n  name: Pets\n';

describe('the import stamp', () => {
  it('goes after the header comments and reads back with its count and input hash', () => {
    const stamped = stampDescription(TEXT, INPUTS, 3, IMPORTER);
    const lines = stamped.split('\n');
    expect(lines.slice(0, 2)).toEqual(['# header', '# From: pets.json']);
    expect(lines[2]).toMatch(
      /^# Import fingerprint .*: 3 requests, inputs a{64}, output [0-9a-f]{64}, importer 0123456789abcdef$/,
    );
    expect(lines.slice(3).join('\n')).toBe('info:\n  name: Pets\n');
    expect(intactStamp(stamped)).toEqual({
      requests: 3,
      inputs: INPUTS,
      output: expect.stringMatching(/^[0-9a-f]{64}$/),
      importer: IMPORTER,
    });
    expect(withoutStamp(stamped)).toBe(TEXT);
  });

  it('replaces an earlier stamp instead of adding a second', () => {
    const twice = stampDescription(stampDescription(TEXT, 'b'.repeat(64), 1, IMPORTER), INPUTS, 1, IMPORTER);
    expect(twice.match(/# Import fingerprint/g)).toHaveLength(1);
    expect(intactStamp(twice)?.inputs).toBe(INPUTS);
  });

  it.each([
    ['an edited value', (t: string) => t.replace('Pets', 'Dogs')],
    ['an added comment', (t: string) => `${t}# note\n`],
    ['an edited request count', (t: string) => t.replace(': 3 requests', ': 4 requests')],
    ['a mangled stamp', (t: string) => t.replace(', output ', ', output x')],
  ])('is not intact after %s', (_name, edit) => {
    expect(intactStamp(edit(stampDescription(TEXT, INPUTS, 3, IMPORTER)))).toBeUndefined();
  });

  it('reads a stamp written before it recorded the importer, without one', () => {
    const older = stampDescription(TEXT, INPUTS, 3, IMPORTER).replace(', importer 0123456789abcdef', '');
    expect(intactStamp(older)).toEqual({
      requests: 3,
      inputs: INPUTS,
      output: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('is absent from a description written before stamps', () => {
    expect(intactStamp(TEXT)).toBeUndefined();
  });
});
