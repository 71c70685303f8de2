import { describe, expect, it } from 'vitest';
import { buildCollection } from '../../../src/generate/index.js';
import { narrowingsOf } from '../../../src/run/tokens/narrowings.js';
import { loadMinimal } from '../../helpers/specs.js';

// The scope sets the harness gets a narrower token for (narrowings.ts): the REQUIRED line of each
// "narrower token" request's pre-request script. Written against
// `MUTATE_UNIT=1 npx stryker run --mutate src/run/tokens/narrowings.ts` (0 %: no unit test reached it).

type Event = { listen?: string; script?: { exec?: string[] | string } };
const request = (...event: Event[]) => ({ name: 'r', event });
const prerequest = (exec: string[] | string): Event => ({ listen: 'prerequest', script: { exec } });

describe("narrowingsOf: the REQUIRED scope sets of the Security folder's narrower token requests", () => {
  it('in a generated collection: one set per 403 check, in run order', async () => {
    const collection = buildCollection(await loadMinimal()).collection as { item?: unknown[] };
    expect(narrowingsOf(collection)).toEqual([['vendors:read'], ['vendors:write'], ['users:read']]);
  });

  it('walks nested folders, and reads a script given as lines or as one text', () => {
    const collection = {
      item: [
        {
          name: 'folder',
          item: [{ name: 'inner', item: [request(prerequest(['// narrower', 'var REQUIRED = ["a:read"];']))] }],
        },
        request(prerequest('var x = 1;\nvar REQUIRED = ["b:write", "c:read"];\nrun();')),
      ],
    };
    expect(narrowingsOf(collection)).toEqual([['a:read'], ['b:write', 'c:read']]);
  });

  it('reads the REQUIRED line unindented or indented', () => {
    const collection = {
      item: [request(prerequest('var REQUIRED = ["a"];')), request(prerequest('  var REQUIRED = ["b"];'))],
    };
    expect(narrowingsOf(collection)).toEqual([['a'], ['b']]);
  });

  it('only a whole REQUIRED line counts: not one commented out, nor one with more after it', () => {
    const collection = {
      item: [request(prerequest('// var REQUIRED = ["a"];')), request(prerequest('var REQUIRED = ["b"]; more();'))],
    };
    expect(narrowingsOf(collection)).toEqual([]);
  });

  it("only a pre-request script's: a test script's REQUIRED is not a narrowing", () => {
    const collection = { item: [request({ listen: 'test', script: { exec: 'var REQUIRED = ["a"];' } })] };
    expect(narrowingsOf(collection)).toEqual([]);
  });

  it('an empty collection, an item without events, an event without a script or without lines: none', () => {
    expect(narrowingsOf({})).toEqual([]);
    expect(
      narrowingsOf({
        item: [{ name: 'r' }, request({ listen: 'prerequest' }), request({ listen: 'prerequest', script: {} })],
      }),
    ).toEqual([]);
  });
});
