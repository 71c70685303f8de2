import { describe, expect, it } from 'vitest';
import { stableId } from '../../src/generate/ids.js';

describe('stable ids', () => {
  it.each([
    // Values the uuid package's v5 gave for the same names and namespace, before ids were derived with node:crypto.
    [['a'], '5b48395a-4991-5bcc-b65b-360183eebd2d'],
    [['request', 'Folder é', 'Name ✓'], '5c2b8ced-1983-5d6a-a9b5-aacf6ed4092e'],
    [['script', 'test', 'x'.repeat(300)], '0199f72f-d5cf-5282-b874-ac87d5b9eeef'],
  ])('%j → %s (a version 5, RFC variant UUID)', (names, want) => {
    expect(stableId(...names)).toBe(want);
    expect(want).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
