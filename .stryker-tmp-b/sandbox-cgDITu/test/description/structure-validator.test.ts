// @ts-nocheck
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { OUTPUT, structureValidatorSource } from '../../scripts/compile-validators.mjs';
import descriptionJsonSchema from '../../src/description/description.schema.json' with { type: 'json' };
import compiled from '../../src/description/structure-validator.generated.js';
import { syntheticSpec } from '../../scripts/synthetic-spec.mjs';
import { load } from 'js-yaml';

it('the committed precompiled validator is what scripts/compile-validators.mjs makes of the schema now', () => {
  expect(readFileSync(OUTPUT, 'utf8'), 'run "npm run compile-validators" and commit').toBe(structureValidatorSource());
});

it('finds what ajv compiling the schema at run time finds, errors and all', () => {
  const fresh = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(descriptionJsonSchema);
  const good = load(syntheticSpec(3));
  const bad = { ...(good as object), info: { name: '' }, extra: 1, folders: [{ name: 'x', requests: [{}] }] };
  for (const value of [good, bad, null, [], { info: 3 }]) {
    expect(compiled(value)).toBe(fresh(value));
    const strip = (errors: unknown) =>
      (errors as Array<Record<string, unknown>> | null)?.map(({ instancePath, keyword, params, message }) => ({
        instancePath,
        keyword,
        params,
        message,
      })) ?? null;
    expect(strip((compiled as unknown as { errors: unknown }).errors)).toEqual(strip(fresh.errors));
  }
});
