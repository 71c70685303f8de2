// @ts-nocheck
import { beforeAll, describe, expect, it } from 'vitest';
import { runLocalSuite } from '../../src/run/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { CASES } from './helpers/contract-breaks.js';

describe('the suite fails when the mock breaks the contract', () => {
  let spec: ApiDescription;
  beforeAll(async () => {
    spec = await loadMinimal();
  });

  it('passes against the unbroken mock', async () => {
    const summary = await runLocalSuite({ spec, reporters: [] });
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
  });

  it.each(CASES)('%s', async (_name, { mock, want }) => {
    const summary = await runLocalSuite({ spec, reporters: [], mock });
    expect(summary.ok).toBe(false);
    expect(summary.failures).toHaveLength(1);
    const [failure] = summary.failures;
    expect({ item: failure!.item, test: failure!.test }).toEqual({ item: want.item, test: want.test });
    if (typeof want.message === 'string') expect(failure!.message).toBe(want.message);
    else expect(failure!.message).toMatch(want.message);
  });
});
