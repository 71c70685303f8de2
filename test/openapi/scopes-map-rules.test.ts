import { describe, expect, it } from 'vitest';
import { matchScopes, parseScopesMap, type ScopesMap } from '../../src/openapi/scopes-map.js';

// Which scopes an operation is granted by the scopes map, and which maps are refused (with where and
// why). Written against the survivors of `MUTATE_UNIT=1 npm run mutate -- --mutate src/openapi/scopes-map.ts`.

const CATALOGUE = 'scopes:\n  a:read: { description: A }\n  b:write: { description: B }\n';
const mapOf = (operations: string): ScopesMap => {
  const parsed = parseScopesMap(`${CATALOGUE}operations:\n${operations}`, 'map.yaml');
  if (!('map' in parsed)) throw new Error(JSON.stringify(parsed.problems));
  return parsed.map;
};
const problemsOf = (text: string) => {
  const parsed = parseScopesMap(text, 'bad.yaml');
  return 'problems' in parsed ? parsed.problems.map((p) => [p.pointer, p.message]) : [];
};

describe('a pattern matches the whole path, and only its * and ** are wild', () => {
  const map = mapOf(
    [
      "  - { match: 'GET /v1/a.b+c(d)$e^f|g[h]{i}?j', scopes: [a:read] }",
      "  - { match: 'GET /v1/x/*/y', scopes: [a:read] }",
      "  - { match: 'GET /v1/deep/**', scopes: [b:write] }",
      "  - { match: 'PATCH /v1/p', scopes: [b:write] }",
    ].join('\n'),
  );
  it.each([
    ['GET', '/v1/a.b+c(d)$e^f|g[h]{i}?j', ['a:read']],
    ['GET', '/v1/aXb+c(d)$e^f|g[h]{i}?j', undefined],
    ['GET', '/v1/a.bbc(d)$e^f|g[h]{i}?j', undefined],
    ['GET', '/v1/x/{id}/y', ['a:read']],
    ['GET', '/v1/x//y', ['a:read']],
    ['GET', '/v1/x/1/2/y', undefined],
    ['GET', '/v1/x/1/y/more', undefined],
    ['GET', '/prefix/v1/x/1/y', undefined],
    ['GET', '/v1/deep/1/2/3', ['b:write']],
    ['PATCH', '/v1/p', ['b:write']],
    ['GET', '/v1/p', undefined],
    ['patch', '/v1/p', undefined],
  ])('%s %s → %j', (method, path, want) => {
    expect(matchScopes(map, method, path)?.scopes).toEqual(want);
  });

  it('a note is kept when it is text, and only then', () => {
    const withNotes = mapOf(
      "  - { match: 'GET /n', scopes: [], note: Inferred. }\n  - { match: 'GET /m', scopes: [], note: 3 }",
    );
    expect(withNotes.rules.map((r) => ({ match: r.match, method: r.method, note: r.note }))).toEqual([
      { match: 'GET /n', method: 'GET', note: 'Inferred.' },
      { match: 'GET /m', method: 'GET', note: undefined },
    ]);
    expect(withNotes.rules[1]).not.toHaveProperty('note');
    expect(withNotes).toMatchObject({ file: 'map.yaml', text: expect.stringContaining('GET /n') });
  });
});

describe('a map that is refused, with where and why', () => {
  it.each([
    ['no catalogue', 'operations: []\n', [['', 'a scopes map needs a "scopes" catalogue']]],
    ['a null catalogue', 'scopes: null\noperations: []\n', [['', 'a scopes map needs a "scopes" catalogue']]],
    ['a text catalogue', 'scopes: nope\noperations: []\n', [['', 'a scopes map needs a "scopes" catalogue']]],
    ['no operations', 'scopes: {}\n', [['', 'a scopes map needs an "operations" list']]],
    ['operations not a list', 'scopes: {}\noperations: { a: 1 }\n', [['', 'a scopes map needs an "operations" list']]],
    [
      'a scope without a description',
      'scopes:\n  a:read: { confidence: documented }\n  b:read: null\noperations: []\n',
      [
        ['/scopes/a:read', 'scope "a:read" needs a description'],
        ['/scopes/b:read', 'scope "b:read" needs a description'],
      ],
    ],
    [
      'an unknown confidence',
      'scopes:\n  a:read: { description: A, confidence: guessed }\noperations: []\n',
      [['/scopes/a:read/confidence', 'confidence must be one of documented, inferred, example-only']],
    ],
    [
      'scopes that are not a list',
      `${CATALOGUE}operations:\n  - { match: GET /x, scopes: a:read }\n  - { match: GET /y }\n`,
      [
        ['/operations/0/scopes', 'scopes must be a list'],
        ['/operations/1/scopes', 'scopes must be a list'],
      ],
    ],
    [
      'a scope that is not text',
      `${CATALOGUE}operations:\n  - { match: GET /x, scopes: [1] }\n`,
      [['/operations/0/scopes/0', 'scope "1" is not in the map\'s catalogue']],
    ],
    ['a YAML error', 'scopes: [\n', 'yaml'],
  ])('%s', (_name, text, want) => {
    if (want === 'yaml') expect(problemsOf(text)).toHaveLength(1);
    else expect(problemsOf(text)).toEqual(want);
  });

  it.each([['get /x'], ['GET x'], ['GET'], ['GET /x extra'], ['/x'], [' GET /x'], ['GET /x ']])(
    'the match "%s" is not "METHOD /path/pattern"',
    (match) => {
      expect(problemsOf(`${CATALOGUE}operations:\n  - { match: '${match}', scopes: [] }\n`)).toEqual([
        ['/operations/0/match', 'match must be "METHOD /path/pattern"'],
      ]);
    },
  );

  it('a match that is not text, or an entry that is not a mapping', () => {
    expect(problemsOf(`${CATALOGUE}operations:\n  - { match: 3, scopes: [] }\n  - null\n`)).toEqual([
      ['/operations/0/match', 'match must be "METHOD /path/pattern"'],
      ['/operations/1/match', 'match must be "METHOD /path/pattern"'],
    ]);
  });

  it('each confidence is accepted', () => {
    const parsed = parseScopesMap(
      'scopes:\n  a: { description: A, confidence: documented }\n  b: { description: B, confidence: inferred }\n  c: { description: C, confidence: example-only }\noperations: []\n',
      'ok.yaml',
    );
    expect('map' in parsed && Object.values(parsed.map.scopes).map((s) => s.confidence)).toEqual([
      'documented',
      'inferred',
      'example-only',
    ]);
  });
});

describe('more refused maps', () => {
  it('an empty document lacks both, and every problem is SCOPES_MAP_INVALID in its file', () => {
    const parsed = parseScopesMap('', 'empty.yaml');
    expect('problems' in parsed && parsed.problems.map((p) => [p.code, p.pointer, p.message])).toEqual([
      ['SCOPES_MAP_INVALID', '', 'a scopes map needs a "scopes" catalogue'],
      ['SCOPES_MAP_INVALID', '', 'a scopes map needs an "operations" list'],
    ]);
  });

  it('one space or several between method and path', () => {
    expect(mapOf("  - { match: 'GET    /x', scopes: [] }").rules[0]?.method).toBe('GET');
  });

  it('a number is not a scope, even one the catalogue has as text', () => {
    expect(
      problemsOf("scopes:\n  '1': { description: One }\noperations:\n  - { match: GET /x, scopes: [1] }\n"),
    ).toEqual([['/operations/0/scopes/0', 'scope "1" is not in the map\'s catalogue']]);
  });
});
