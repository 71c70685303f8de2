// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { fakePm, loadSandbox } from '../../helpers/sandbox.js';

const readPath = loadSandbox(fakePm(), ['read-path.js']).readPath as (value: unknown, path: string) => unknown;

describe('readPath (read-path.js, for captures)', () => {
  const body = { data: [{ id: 'a1' }, { id: 'b2', tags: ['x'] }], meta: { total: 0, next: null } };
  it.each([
    ['data[0].id', 'a1'],
    ['data[1].tags[0]', 'x'],
    ['meta.total', 0],
    ['meta.next', null],
    ['meta.next.id', undefined],
    ['data[5].id', undefined],
    ['nothing.here', undefined],
  ])('%s', (path, want) => {
    expect(readPath(body, path)).toEqual(want);
  });
});
