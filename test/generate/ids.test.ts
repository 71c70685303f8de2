import { describe, expect, it } from 'vitest';
import { stableId } from '../../src/generate/ids.js';

describe('stable ids', () => {
  it.each([
    // Values the uuid package's v4({ random: sha256(...)[0..16] }) gave for the same names, before the
    // bits were set with node:crypto's bytes directly (the committed v3 folder is unchanged by the switch).
    [['a'], '968d511f-769e-43c3-bc49-206e659dffda'],
    [['request', 'Folder é', 'Name ✓'], '85c08ef5-9bfe-48e3-95a6-e20e18535603'],
    [['script', 'test', 'x'.repeat(300)], 'bc43f4d9-8095-40af-b7b8-208bd164bc86'],
  ])('%j → %s (a version 4, RFC variant UUID, as `postman workspace prepare` keeps)', (names, want) => {
    expect(stableId(...names)).toBe(want);
    expect(want).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs when any name differs, and not when none does', () => {
    expect(stableId('a', 'b')).toBe(stableId('a', 'b'));
    expect(stableId('a', 'b')).not.toBe(stableId('ab'));
    expect(stableId('a', 'b')).not.toBe(stableId('a', 'c'));
  });
});
