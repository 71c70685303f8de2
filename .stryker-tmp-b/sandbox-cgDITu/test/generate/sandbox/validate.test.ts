// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { SCHEMAS_VARIABLE } from '../../../src/generate/scripts/index.js';
import { fakePm, loadSandbox } from '../../helpers/sandbox.js';

/** A stand-in for ajv 6 that records what it was given and answers with the errors it was told to. */
function fakeAjv(errorsFor: (body: unknown) => object[] | null) {
  const seen: { options?: Record<string, unknown>; schema?: unknown } = {};
  class Ajv {
    constructor(options: Record<string, unknown>) {
      seen.options = options;
    }
    compile(schema: unknown) {
      seen.schema = schema;
      const validate = (body: unknown) => {
        validate.errors = errorsFor(body);
        return validate.errors === null;
      };
      validate.errors = null as object[] | null;
      return validate;
    }
  }
  return { Ajv, seen };
}

describe('validateAgainst (validate.js)', () => {
  const definitions = { Vendor: { type: 'object', required: ['id'] } };
  const setup = (errorsFor: (body: unknown) => object[] | null) => {
    const { Ajv, seen } = fakeAjv(errorsFor);
    const fake = fakePm({ collectionVariables: { [SCHEMAS_VARIABLE]: JSON.stringify({ definitions }) } });
    const lib = loadSandbox(fake, ['validate.js'], { modules: { ajv: Ajv } });
    return { validateAgainst: lib.validateAgainst as (body: unknown, root: object) => object[], seen };
  };

  it('compiles the root with the shared definitions of pleoSchemas, for ajv 6 without meta-schema checks', () => {
    const { validateAgainst, seen } = setup(() => null);
    const root = { $ref: '#/definitions/Vendor' };
    expect(validateAgainst({ id: 'a' }, root)).toEqual([]);
    expect(seen.schema).toEqual({ definitions, allOf: [root] });
    expect(seen.options).toMatchObject({ allErrors: true, jsonPointers: true, meta: false, validateSchema: false });
  });

  it("returns ajv's errors when the body does not match", () => {
    const errors = [{ keyword: 'required', dataPath: '', params: { missingProperty: 'id' } }];
    const { validateAgainst } = setup((body) => ((body as { id?: string }).id ? null : errors));
    expect(validateAgainst({}, { $ref: '#/definitions/Vendor' })).toEqual(errors);
  });
});
