// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { deepMerge, parseOverlay } from '../../src/openapi/overlay.js';

describe('the overlay', () => {
  const cases: Array<[string, { base: unknown; over: unknown; want: unknown }]> = [
    [
      'objects merge key by key',
      { base: { a: 1, b: { c: 2, d: 3 } }, over: { b: { c: 9 } }, want: { a: 1, b: { c: 9, d: 3 } } },
    ],
    ['lists replace', { base: { scopes: ['a:read'] }, over: { scopes: ['b:read'] }, want: { scopes: ['b:read'] } }],
    [
      'new keys are added',
      { base: { name: 'x' }, over: { capture: { id: 'data.id' } }, want: { name: 'x', capture: { id: 'data.id' } } },
    ],
    ['null deletes', { base: { a: 1, b: 2 }, over: { b: null }, want: { a: 1 } }],
  ];
  it.each(cases)('%s', (_, { base, over, want }) => expect(deepMerge(base, over)).toEqual(want));

  it('unknown keys and bad request keys are located', () => {
    const bad = parseOverlay('folderz: []\nrequests:\n  /v1/x: { name: X }\n', 'o.yaml');
    expect('problems' in bad && bad.problems.map((p) => p.pointer)).toEqual(['/folderz', '/requests/~1v1~1x']);
  });
});
