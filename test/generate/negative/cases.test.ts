import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import {
  createSchemaCompiler,
  formatProblems,
  loadSpec,
  validateSpec,
  type ApiDescription,
} from '../../../src/description/index.js';
import {
  buildCollectionModel,
  generateFiles,
  CONSTRAINT_KINDS,
  NEGATIVE_FOLDER_NAME,
  negativeCases,
} from '../../../src/generate/index.js';
import {
  MAX_CASES_PER_REQUEST,
  MAX_REQUIRED_CASES,
  NOT_A_UUID,
  UNKNOWN_UUID,
} from '../../../src/generate/negative/cases.js';
import { loadDefault } from '../../helpers/specs.js';

const NEGATIVE_SPEC = 'test/fixtures/specs/negative.yaml';

/** Every body case of a description, with whether its schema accepts the case's body and the unchanged example. */
function bodyVerdicts(spec: ApiDescription) {
  const compile = createSchemaCompiler(spec.schemas);
  return spec.folders.flatMap((folder) =>
    folder.requests.flatMap((request) => {
      if (request.body?.schema === undefined) return [];
      const validate = compile(request.body.schema);
      return negativeCases(spec.schemas, request).flatMap((c) =>
        c.body !== undefined && 'json' in c.body
          ? [
              {
                label: `${request.name} ${c.violation}`,
                example: validate(request.body?.example),
                accepted: validate(c.body.json),
              },
            ]
          : [],
      );
    }),
  );
}

describe('negative cases from a schema with every constraint (test/fixtures/specs/negative.yaml)', () => {
  let spec: ApiDescription;
  beforeAll(async () => {
    spec = await loadSpec(NEGATIVE_SPEC);
  });

  it('yields a case of every constraint kind, in a fixed order', () => {
    const [create, get] = spec.folders[0]!.requests;
    const cases = [...negativeCases(spec.schemas, create!), ...negativeCases(spec.schemas, get!)];
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(CONSTRAINT_KINDS));
    expect(cases.map((c) => `${c.violation} → ${c.status}`)).toEqual([
      'without required name → 400',
      'without required count → 400',
      'with name as number (type string) → 400',
      'with name of 0 characters (minLength 1) → 400',
      'with name of 41 characters (maxLength 40) → 400',
      'with count as string (type integer) → 400',
      'with count 0 below minimum 1 → 400',
      'with count 11 above maximum 10 → 400',
      'with ratio 0 not above exclusiveMinimum 0 → 400',
      'with ratio 1 not below exclusiveMaximum 1 → 400',
      'with code "!" not matching ^[A-Z]{2,4}$ → 400',
      'with tags of 0 items (minItems 1) → 400',
      'with tags of 4 items (maxItems 3) → 400',
      'with state "PLEO_POSTMAN_NOT_IN_ENUM" outside its enum → 400',
      'with a body that is not JSON → 400',
      `with thingId "${NOT_A_UUID}" not a UUID (format uuid) → 400`,
      `with unknown thingId ${UNKNOWN_UUID} → 404`,
    ]);
  });

  it('changes a valid example into a body its schema refuses, every time', () => {
    const verdicts = bodyVerdicts(spec);
    expect(verdicts.length).toBeGreaterThan(10);
    expect(verdicts.filter((v) => !v.example || v.accepted)).toEqual([]);
  });

  it('puts them in a Negative folder after the resources, before Security, with their library; --no-negative leaves both out', () => {
    const { model } = buildCollectionModel(spec);
    const names = model.folders.map((f) => f.name);
    expect(names.indexOf(NEGATIVE_FOLDER_NAME)).toBe(names.indexOf('Security') - 1);
    const folder = model.folders.find((f) => f.name === NEGATIVE_FOLDER_NAME)!;
    expect(folder.items.map((i) => i.name)).toContain('Things: Create thing without required name → 400');
    const item = folder.items.find((i) => i.name === 'Things: Create thing without required name → 400')!;
    expect(item.description).toContain('a required property is left out (`required` at `name`)');
    expect(JSON.parse(item.request.body!.content)).toEqual({
      count: 2,
      ratio: 0.5,
      code: 'ABC',
      tags: ['blue'],
      state: 'DRAFT',
    });
    expect(item.scripts.find((s) => s.listen === 'test')!.source).toContain('"schemaName":"Error"');
    expect(model.variables.map((v) => v.key)).toContain('pleoNegativeLib');
    const without = buildCollectionModel(spec, undefined, { negative: false }).model;
    expect(without.folders.map((f) => f.name)).not.toContain(NEGATIVE_FOLDER_NAME);
    expect(without.variables.map((v) => v.key)).not.toContain('pleoNegativeLib');
  });

  it('guards the cases once, from the folder: its pre-request script skips them where they must not run, none of theirs repeats it', () => {
    const { model } = buildCollectionModel(spec);
    const folder = model.folders.find((f) => f.name === NEGATIVE_FOLDER_NAME)!;
    expect(folder.scripts?.map((s) => s.listen)).toEqual(['prerequest']);
    const guard = folder.scripts![0]!.source;
    expect(guard).toContain('pm.execution.skipRequest()');
    expect(guard).toContain(
      `var PRODUCTION_API_BASE_URL = ${JSON.stringify(spec.environments.production.apiBaseUrl)};`,
    );
    expect(folder.items.flatMap((i) => i.scripts.map((s) => s.listen))).toEqual(folder.items.map(() => 'test'));
    // Both writers carry the folder's script: v2.1 as the folder's event, v3 in its definition.yaml.
    const { files } = generateFiles(spec, { formats: ['v2.1', 'v3'] });
    const v21 = JSON.parse(files.find((f) => f.path.endsWith('.postman_collection.json'))!.content);
    const negative = v21.item.find((f: { name: string }) => f.name === NEGATIVE_FOLDER_NAME);
    expect(
      negative.event.map((e: { listen: string; script: { exec: string[] } }) => [e.listen, e.script.exec.join('\n')]),
    ).toEqual([['prerequest', guard]]);
    const definition = files.find((f) => f.path.endsWith(`/${NEGATIVE_FOLDER_NAME}/.resources/definition.yaml`))!;
    expect(definition.content).toContain('type: http:beforeRequest');
    expect(definition.content).toContain('pm.execution.skipRequest()');
  });

  it('leaves the folder out where the description sets defaults.negative: false, unless the caller asks for it', async () => {
    const text = (await readFile(NEGATIVE_SPEC, 'utf8')).replace(
      '  responseTimeMs: 5000',
      '  responseTimeMs: 5000\n  negative: false',
    );
    const result = validateSpec(text, NEGATIVE_SPEC);
    expect(result.problems).toEqual([]);
    const off = result.spec!;
    expect(off.defaults.negative).toBe(false);
    expect(spec.defaults.negative).toBe(true);
    const { model } = buildCollectionModel(off);
    expect(model.folders.map((f) => f.name)).not.toContain(NEGATIVE_FOLDER_NAME);
    expect(model.variables.map((v) => v.key)).not.toContain('pleoNegativeLib');
    const files = generateFiles(off, { formats: ['v2.1'] }).files.map((f) => f.content);
    expect(files.join('\n')).not.toContain('pleoNegativeLib');
    const asked = buildCollectionModel(off, undefined, { negative: true }).model;
    expect(asked.folders.map((f) => f.name)).toContain(NEGATIVE_FOLDER_NAME);
  });

  it('refuses a defaults.negative that is not a boolean, at file:line:col', async () => {
    const text = (await readFile(NEGATIVE_SPEC, 'utf8')).replace(
      '  responseTimeMs: 5000',
      '  responseTimeMs: 5000\n  negative: "no"',
    );
    const result = validateSpec(text, NEGATIVE_SPEC);
    expect(result.spec).toBeUndefined();
    expect(result.problems.map((p) => p.pointer)).toEqual(['/defaults/negative']);
    const line = text.split('\n').indexOf('  negative: "no"') + 1;
    expect(formatProblems(result.problems, NEGATIVE_SPEC, text)).toContain(`${NEGATIVE_SPEC}:${line}:13`);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildCollectionModel(spec).model)).toBe(JSON.stringify(buildCollectionModel(spec).model));
  });
});

describe("negative cases from Pleo's description", () => {
  let spec: ApiDescription;
  beforeAll(async () => {
    spec = await loadDefault();
  });

  it('each break the schema of their request (the example itself passes)', () => {
    const verdicts = bodyVerdicts(spec);
    expect(verdicts.length).toBeGreaterThan(100);
    expect(verdicts.filter((v) => !v.example || v.accepted)).toEqual([]);
  });

  it('stay within the caps per request', () => {
    for (const request of spec.folders.flatMap((f) => f.requests)) {
      const cases = negativeCases(spec.schemas, request);
      expect(cases.length).toBeLessThanOrEqual(MAX_CASES_PER_REQUEST);
      expect(cases.filter((c) => c.kind === 'required').length).toBeLessThanOrEqual(MAX_REQUIRED_CASES);
    }
  });

  it('keep body variables where the case changes nothing: the company id is still {{companyId}}', () => {
    const folder = buildCollectionModel(spec).model.folders.find((f) => f.name === NEGATIVE_FOLDER_NAME)!;
    const withoutName = folder.items.find((i) => i.name === 'Vendors: Create vendor without required name → 400')!;
    expect(JSON.parse(withoutName.request.body!.content)).toMatchObject({ companyId: '{{companyId}}' });
    expect(JSON.parse(withoutName.request.body!.content)).not.toHaveProperty('name');
    const wrongCompany = folder.items.find((i) => i.name.startsWith('Vendors: Create vendor with companyId as'));
    if (wrongCompany) expect(JSON.parse(wrongCompany.request.body!.content).companyId).toBe(12345);
  });
});

describe("the README's count of Pleo's negative cases", () => {
  it('is what the description yields, kind by kind', async () => {
    const spec = await loadDefault();
    const kinds: Record<string, number> = {};
    for (const request of spec.folders.flatMap((f) => f.requests)) {
      for (const c of negativeCases(spec.schemas, request)) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    }
    // README, "Negative cases": update both together.
    expect(kinds).toEqual({
      required: 81,
      type: 66,
      maxLength: 15,
      maxItems: 14,
      minLength: 4,
      minItems: 1,
      enum: 15,
      json: 37,
      format: 5,
      unknownId: 18,
    });
    expect(Object.values(kinds).reduce((a, b) => a + b)).toBe(256);
  });
});
