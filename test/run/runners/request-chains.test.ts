import { describe, expect, it } from 'vitest';
import { planRunners } from '../../../src/run/runners/parallel.js';
import { chainUnits, keepItems, requestChains } from '../../../src/run/runners/request-chains.js';

/** A request item that captures `captures` (as the generator's contract data does) and sends `uses`. */
const request = (name: string, uses: string[] = [], captures: string[] = []) => ({
  name,
  request: { url: `{{apiBaseUrl}}/${uses.map((v) => `{{${v}}}`).join('/')}` },
  event: [
    {
      listen: 'test',
      script: {
        exec: [
          `const contract = { "captures": ${JSON.stringify(Object.fromEntries(captures.map((c) => [c, 'data.id'])))} };`,
        ],
      },
    },
  ],
});

const TAGS = {
  name: 'Tags',
  item: [
    request('Create group', [], ['groupId']),
    request('List groups'),
    request('Create tag', ['groupId'], ['tagId']),
    request('Search tax codes', [], ['taxCodeId']),
    request('Get tag', ['tagId']),
    request('Get tax code', ['taxCodeId']),
    request('Get company', ['companyId']),
  ],
};

describe('request chains', () => {
  it('ties an item to the earlier item that captures what it uses, and leaves the rest apart', () => {
    expect(requestChains(TAGS).map((c) => c.items)).toEqual([[0, 2, 4], [1], [3, 5], [6]]);
  });

  it('keeps only the given items of a folder, in their order', () => {
    const collection = { item: [TAGS, { name: 'Other', item: [request('x')] }] };
    const kept = keepItems(collection, new Map([['Tags', new Set([5, 0])]]));
    expect(kept.item.map((f) => f.item.map((i) => i.name))).toEqual([['Create group', 'Get tax code'], ['x']]);
  });

  it('splits a folder larger than a runner share over the runners, each chain in one runner', () => {
    const collection = { item: [TAGS, { name: 'Other', item: [request('x')] }] };
    const plans = planRunners(collection, 3);
    expect(plans.map((p) => p.requests).sort()).toEqual([2, 3, 3]);
    const items = plans.flatMap((p) => Object.values(p.items ?? {}));
    expect(items.flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(items).toContainEqual(expect.arrayContaining([0, 2, 4]));
    expect(items).toContainEqual(expect.arrayContaining([3, 5]));
  });

  it('leaves folders whole when each fits a runner share', () => {
    const collection = { item: [TAGS, { name: 'Other', item: [request('x')] }] };
    expect(planRunners(collection, 1)[0]).toEqual({ folders: ['Tags', 'Other'], security: false, requests: 8 });
  });

  it('joins a chain of another folder that uses what a chain captures, and leaves independent chains apart', () => {
    const negative = {
      name: 'Negative',
      item: [request('Get tag with a bad id', ['tagId']), request('Get company with a bad id', ['companyId'])],
    };
    const units = chainUnits({ item: [TAGS, negative] }, new Set(['companyId']));
    expect(units.map((u) => u.items)).toEqual([
      { Tags: [0, 2, 4], Negative: [0] },
      { Tags: [1] },
      { Tags: [3, 5] },
      { Tags: [6] },
      { Negative: [1] },
    ]);
    expect(units.map((u) => u.requests)).toEqual([4, 1, 2, 1, 1]);
  });

  it('ties chains by a variable the environment does not provide, and not by one it does', () => {
    const other = { name: 'Other', item: [request('Get company again', ['companyId'], ['companyId'])] };
    const tied = chainUnits({ item: [TAGS, other] });
    expect(tied.find((u) => u.items.Other)?.items).toEqual({ Tags: [6], Other: [0] });
    const apart = chainUnits({ item: [TAGS, other] }, new Set(['companyId']));
    expect(apart.find((u) => u.items.Other)?.items).toEqual({ Other: [0] });
  });

  it('runs a Negative case in the runner of the chain that captures its id', () => {
    const negative = { name: 'Negative', item: [request('Get tag with a bad id', ['tagId'])] };
    const plans = planRunners({ item: [TAGS, negative] }, 4);
    const withCase = plans.find((p) => p.folders.includes('Negative'));
    expect(withCase?.folders).toEqual(['Tags', 'Negative']);
    expect(withCase?.items).toEqual({ Tags: [0, 2, 4] });
  });
});
