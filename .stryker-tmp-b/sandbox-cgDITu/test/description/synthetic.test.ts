// @ts-nocheck
import { expect, it } from 'vitest';
import { syntheticSpec } from '../../scripts/synthetic-spec.mjs';
import { validateSpec } from '../../src/description/index.js';

it('the benchmark synthetic description is valid and has the requested size', () => {
  const result = validateSpec(syntheticSpec(55), 'synthetic.yaml');
  expect(result.problems).toEqual([]);
  expect(result.spec?.folders.flatMap((f) => f.requests)).toHaveLength(55);
});
