import { describe, expect, it } from 'vitest';
import { countNegativeCases, withoutNegativeFolder } from '../../../src/run/reporting/negative.js';

describe('the Negative folder in a run (src/run/reporting/negative.ts)', () => {
  it('counts a case once, by its status assertion, whatever its outcome', () => {
    expect(
      countNegativeCases([
        'negative: POST /v1/vendors without required name → 400',
        'negative: POST /v1/vendors without required name → Pleo error body {type, message}',
        'negative: GET /v1/vendors/{id} with unknown id 00000000-0000-4000-8000-000000000000 → 404',
        'negative: GET /v1/vendors/{id} with unknown id 00000000-0000-4000-8000-000000000000 → Pleo error body {type, message} (skipped: status 200)',
        'POST /v1/vendors → 201',
      ]),
    ).toBe(2);
  });

  it('is dropped from a collection, the rest untouched', () => {
    const collection = { info: { name: 'x' }, item: [{ name: 'Vendors' }, { name: 'Negative' }, { name: 'Security' }] };
    expect(withoutNegativeFolder(collection)).toEqual({
      info: { name: 'x' },
      item: [{ name: 'Vendors' }, { name: 'Security' }],
    });
    expect(collection.item).toHaveLength(3);
  });
});
