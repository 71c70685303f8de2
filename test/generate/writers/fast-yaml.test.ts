import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { syntheticSpec } from '../../../scripts/synthetic-spec.mjs';
import { validateSpec, type ApiDescription } from '../../../src/description/index.js';
import { buildCollectionModel } from '../../../src/generate/index.js';
import { dumpYaml } from '../../../src/generate/writers/fast-yaml.js';
import { writeV3, writeV3Environment } from '../../../src/generate/writers/v3.js';
import { loadDefault } from '../../helpers/specs.js';

const synthetic = (requests: number): ApiDescription => {
  const result = validateSpec(syntheticSpec(requests), 'synthetic.yaml');
  if (!result.spec) throw new Error(JSON.stringify(result.problems));
  return result.spec;
};

/** The value of every file of the description's v3 folder, as writeV3 hands them to its dump. */
function v3Values(spec: ApiDescription): unknown[] {
  const values: unknown[] = [];
  writeV3(buildCollectionModel(spec).model, (value) => {
    values.push(value);
    return '';
  });
  return values;
}

describe('dumpYaml on the v3 folders the project generates', () => {
  it.each<[string, () => Promise<ApiDescription>]>([
    ['collections/pleo-api.yaml', loadDefault],
    ['a synthetic description of 300 requests', async () => synthetic(300)],
  ])('writes every file of %s as yaml stringify does', async (_, load) => {
    const values = v3Values(await load());
    expect(values.length).toBeGreaterThan(100);
    for (const value of values) expect(dumpYaml(value)).toBe(stringify(value));
  });

  it('is what writeV3 and writeV3Environment write by default', async () => {
    const model = buildCollectionModel(await loadDefault()).model;
    expect(writeV3(model)).toEqual(writeV3(model, (v) => stringify(v)));
    const environment = {
      name: 'Pleo: production #1',
      values: [
        { key: 'apiBaseUrl', value: 'https://external.pleo.io', type: 'default' as const, enabled: true },
        { key: 'clientSecret', value: '', type: 'secret' as const, enabled: false },
      ],
    };
    expect(writeV3Environment(environment, 'x')).toEqual(writeV3Environment(environment, 'x', (v) => stringify(v)));
  });
});

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY = [
  '',
  ' ',
  'plain',
  'Plain text with spaces',
  '"quoted"',
  "'single'",
  `both " and '`,
  'a: b',
  'a:b',
  'ends with:',
  'key:',
  ':start',
  'a #comment',
  'a#b',
  '#start',
  '-',
  '- item',
  '-dash',
  '?',
  '? q',
  '?q',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`backtick`',
  '|pipe',
  '>gt',
  '[flow]',
  '{flow}',
  '{{apiBaseUrl}}/v1/vendors',
  ',comma',
  '1e3',
  '0x1F',
  '0o17',
  '.5',
  '5.',
  '-12',
  '+3',
  '1_000',
  '.inf',
  '-.Inf',
  '.nan',
  'NaN',
  'yes',
  'no',
  'on',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  '---',
  '--- x',
  '...',
  'trailing space ',
  ' leading space',
  'tab\tinside',
  '\ttab start',
  'tab end\t',
  'ünïcödé → §3.1',
  'emoji 😀 here',
  '\u00a0nbsp',
  'line\u2028separator',
  'nel\u0085',
  'control\u0007bell',
  'lone \ud800 surrogate',
  'null\u0000byte',
  'a\nb',
  'a\n',
  'a\n\n',
  '\na',
  '\n',
  '\n\n',
  'a\n\nb',
  '  indented\nfirst line',
  'line\n  indented second\nthird',
  'trailing spaces  \nnext',
  'last line spaces\n  ',
  'ends in tab\n\t',
  'function () {\n  pm.test("x", function () {\n    pm.response.to.have.status(200);\n  });\n}',
  '%YAML\nsecond',
  'first\n---\nthird',
  'first\n...',
  'key: value\n# comment',
];

const WORDS = ['a', 'pm', 'test', 'response', 'Bearer', '{{token}}', 'x:', '#', '→', 'status', '200', '-', 'it’s'];

/** Strings of 60–200 characters, with spaces (they fold) or without (they cannot), maybe on several lines. */
function longString(next: () => number): string {
  const length = 60 + Math.floor(next() * 141);
  const spaced = next() < 0.7;
  let s = '';
  while (s.length < length) {
    const word = spaced ? WORDS[Math.floor(next() * WORDS.length)]! : 'abcdefghij'.repeat(3);
    s += s === '' ? word : spaced ? (next() < 0.08 ? '\n' : next() < 0.05 ? '  ' : ' ') + word : word;
  }
  s = s.slice(0, length);
  if (next() < 0.2) s += '\n';
  if (next() < 0.1) s = `  ${s}`;
  return s;
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  42,
  -273,
  0.1,
  -0.5,
  1.5e-7,
  2.71,
  1e21,
  2 ** 53,
  -(2 ** 53),
  123456789012,
  NaN,
  Infinity,
  -Infinity,
];

function scalarOf(next: () => number): unknown {
  const r = next();
  if (r < 0.45) return TRICKY[Math.floor(next() * TRICKY.length)];
  if (r < 0.7) return longString(next);
  if (r < 0.82) return NUMBERS[Math.floor(next() * NUMBERS.length)];
  if (r < 0.88) return next() < 0.5;
  if (r < 0.92) return null;
  return `v${Math.floor(next() * 1000)}`;
}

function keyOf(next: () => number): string {
  const r = next();
  if (r < 0.3) return TRICKY[Math.floor(next() * TRICKY.length)]!;
  if (r < 0.35) return longString(next);
  return ['id', 'name', 'Content-Type', 'x-request-id', '$kind', 'order', 'a b'][Math.floor(next() * 7)]!;
}

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 5 || r < 0.45) return scalarOf(next);
  const size = Math.floor(next() * 5);
  if (r < 0.72) return Array.from({ length: size }, () => randomValue(next, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) object[keyOf(next)] = randomValue(next, depth + 1);
  return object;
}

/** `value` under `depth` levels of maps and lists, so a scalar meets each indentation. */
function nest(value: unknown, depth: number, next: () => number): unknown {
  let v = value;
  for (let d = 0; d < depth; d++) v = next() < 0.5 ? { [keyOf(next)]: v } : [v];
  return v;
}

describe('dumpYaml against yaml stringify', () => {
  it.each(TRICKY.map((s) => [JSON.stringify(s), s]))('the string %s as a value, a key and a list item', (_, s) => {
    for (let depth = 0; depth < 8; depth++) {
      for (const value of [{ k: s }, { [s]: 'v' }, [s], { k: [s], l: { [s]: [s, s] } }]) {
        let v: unknown = value;
        for (let d = 0; d < depth; d++) v = d % 2 ? [v] : { level: v };
        expect(dumpYaml(v), `depth ${depth}`).toBe(stringify(v));
      }
    }
  });

  it('long strings at every indentation and key length', () => {
    const next = random(21);
    for (let i = 0; i < 600; i++) {
      const s = longString(next);
      const value = nest({ [keyOf(next)]: s, items: [s, [s]] }, i % 12, next);
      expect(dumpYaml(value), JSON.stringify(value)).toBe(stringify(value));
    }
  });

  it.each<[string, unknown]>([
    ['an empty map', {}],
    ['an empty list', []],
    ['empty collections as values', { a: [], b: {}, c: [[], {}], d: [[[]]], e: { f: {} } }],
    ['lists of lists', [[1, [2, [3, []]]], [[{ a: 1, b: [] }]], [[{}]]]],
    [
      'lists of maps',
      {
        rows: [
          { key: 'a', value: '' },
          { key: 'b', value: 'x', disabled: true },
        ],
      },
    ],
    ['numbers', { n: NUMBERS, m: Object.fromEntries(NUMBERS.map((n, i) => [`k${i}`, n])) }],
    ['booleans and null', [true, false, null, { t: true, f: false, n: null }]],
    ['undefined values, left out', { a: undefined, b: 1, c: { d: undefined } }],
    ['only undefined values', { a: { b: undefined } }],
    ['keys that look like other types', { '1': 'a', true: 'b', null: 'c', '': 'd', '-': 'e', 'a: b': 'f' }],
    ['a key longer than 1024 characters', { ['k'.repeat(1100)]: 'v' }],
    ['all null values', { a: null, b: null }],
    [
      'a repeated object (an alias)',
      (() => {
        const o = { a: 1 };
        return { x: o, y: [o] };
      })(),
    ],
    ['undefined in a list', [1, undefined]],
    ['a hole in a list', new Array(3).fill(1, 0, 1)],
    ['a date', { when: new Date(0) }],
    ['a map object', new Map([['a', 1]])],
    ['a top-level string', 'a: b'],
    ['a top-level number', 12],
    ['a top-level null', null],
    ['a multi-line top-level string', 'a\nb\n'],
  ])('%s', (_, value) => {
    expect(dumpYaml(value)).toBe(stringify(value));
  });

  it('random structures of tricky scalars', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const next = random(seed);
      const value = randomValue(next, 0);
      expect(dumpYaml(value), `seed ${seed}`).toBe(stringify(value));
    }
  });
});
