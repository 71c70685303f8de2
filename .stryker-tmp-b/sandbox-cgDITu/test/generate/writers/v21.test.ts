// @ts-nocheck
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { Collection, QueryParam } from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { buildCollection } from '../../../src/generate/index.js';
import { unparseQuery } from '../../../src/generate/query-string.js';
import { loadDefault, loadMinimal } from '../../helpers/specs.js';

import type { Json } from '../../helpers/json.js';

const postmanSchema = JSON.parse(readFileSync('test/fixtures/schemas/postman-collection-v2.1.0.schema.json', 'utf8'));
const validateCollection = new Ajv({ strict: false, allErrors: true }).compile(postmanSchema);

/**
 * What the SDK changes on its way through and nothing else: it leaves `url.raw` out of its JSON,
 * keeps a response's `_postman_previewlanguage` as `_.postman_previewlanguage`, and re-reading a
 * version object (its own shape) loses `version.string` (`raw` keeps the version).
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Json)[key];
    if (key === 'raw' && typeof v === 'string' && 'host' in value) continue;
    if (key === 'string' && 'raw' in value && 'major' in value) continue;
    if (key === '_postman_previewlanguage') out._ = { postman_previewlanguage: v };
    else out[key] = normalise(v);
  }
  return out;
}

describe.each([
  ['minimal fixture', loadMinimal],
  ['default description', loadDefault],
])('the v2.1 writer on the %s, held against postman-collection (the oracle)', (_name, load) => {
  it('round-trips through new Collection(json).toJSON() unchanged', async () => {
    const { collection } = buildCollection(await load());
    const { _: id, ...roundTripped } = new Collection(collection as never).toJSON() as Json;
    expect(id).toEqual({ postman_id: (collection.info as Json)._postman_id });
    expect(normalise(roundTripped)).toEqual(normalise(collection));
  });

  it('validates against the official v2.1.0 schema, saved examples included', async () => {
    const { collection } = buildCollection(await load());
    expect(validateCollection(collection), JSON.stringify(validateCollection.errors)).toBe(true);
  });
});

describe('saved examples (v2.1 response[])', () => {
  it('carry every documented response of a request, 2xx first, with its example body', async () => {
    const spec = await loadDefault();
    const { collection } = buildCollection(spec);
    const folder = (collection.item as Json[]).find((f) => f.name === 'Export')!;
    const create = folder.item.find((i: Json) => i.name === 'Create export job');
    expect(create.response.map((r: Json) => [r.code, r.status, r.name])).toEqual([
      [201, 'Created', '201 Created'],
      [400, 'Bad Request', '400 Bad Request'],
      [409, 'Conflict', '409 Conflict'],
    ]);
    const conflict = create.response[2];
    expect(JSON.parse(conflict.body)).toEqual({
      type: 'EXPORT_ALREADY_IN_PROGRESS',
      message: 'Export Job already in progress for this company.',
    });
    expect(conflict.header).toEqual([{ key: 'Content-Type', value: 'application/json' }]);
    expect(conflict.originalRequest.method).toBe('POST');
    expect(conflict.originalRequest.url.raw).toBe(create.request.url.raw);
    const loaded = new Collection(collection as never);
    const item = loaded.oneDeep(create.id) as unknown as { responses: { count(): number; idx(i: number): Json } };
    expect(item.responses.count()).toBe(3);
    expect(item.responses.idx(0).json()).toEqual(
      spec.folders.flatMap((f) => f.requests).find((r) => r.name === 'Create export job')!.responses['201']!.example,
    );
  });

  it('give every request of the description its examples, one per response', async () => {
    const spec = await loadDefault();
    const { collection } = buildCollection(spec);
    for (const folder of spec.folders) {
      const items = (collection.item as Json[]).find((f) => f.name === folder.name)!.item as Json[];
      for (const request of folder.requests) {
        const item = items.find((i) => i.name === request.name)!;
        expect(item.response.map((r: Json) => String(r.code)).sort(), request.name).toEqual(
          Object.keys(request.responses).sort(),
        );
      }
    }
  });
});

describe('unparseQuery', () => {
  const cases: Array<[string, Array<{ key: string; value: string; disabled?: boolean }>, string]> = [
    ['plain', [{ key: 'limit', value: '10' }], 'limit=10'],
    ['variables untouched', [{ key: 'company_id', value: '{{companyId}}' }], 'company_id={{companyId}}'],
    [
      'disabled left out',
      [
        { key: 'a', value: '1', disabled: true },
        { key: 'b', value: '' },
      ],
      'b=',
    ],
    ['reserved characters', [{ key: 'a=b&c', value: 'x&y#z=w' }], 'a%3Db%26c=x%26y%23z=w'],
    ['reserved inside a variable kept', [{ key: 'q', value: '{{a&b}}&c' }], 'q={{a&b}}%26c'],
  ];
  it.each(cases)('%s', (_name, params, want) => {
    expect(unparseQuery(params)).toBe(want);
    expect(QueryParam.unparse(params as never)).toBe(want);
  });

  it('agrees with QueryParam.unparse on any parameters', () => {
    const text = fc.stringMatching(/^[a-z{}&#=%+ ]{0,12}$/);
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: text, value: text, disabled: fc.boolean() }), { maxLength: 4 }),
        (params) => {
          expect(unparseQuery(params)).toBe(QueryParam.unparse(params as never));
        },
      ),
    );
  });
});
