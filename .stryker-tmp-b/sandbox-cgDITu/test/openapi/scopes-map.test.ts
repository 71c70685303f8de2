// @ts-nocheck
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchScopes, parseScopesMap } from '../../src/openapi/scopes-map.js';

const MAP = `scopes:
  things:read: { description: Read things }
  things:write: { description: Write things, confidence: inferred }
operations:
  - { match: GET /v1/things/**, scopes: [things:read] }
  - { match: POST /v1/things:search, scopes: [things:read] }
  - { match: '* /v1/things*', scopes: [things:write], note: Scope inferred. }
  - { match: GET /v1/open, scopes: [] }
`;

describe('the scopes map', () => {
  const parsed = parseScopesMap(MAP, 'map.yaml');
  if (!('map' in parsed)) throw new Error('map does not parse');
  const { map } = parsed;
  const cases: Array<[string, { given: [string, string]; want: string[] | undefined }]> = [
    ['** matches across segments', { given: ['GET', '/v1/things/{id}/parts'], want: ['things:read'] }],
    ['the first match wins', { given: ['POST', '/v1/things:search'], want: ['things:read'] }],
    ['* matches any method, and within one segment', { given: ['DELETE', '/v1/things:purge'], want: ['things:write'] }],
    ['* does not cross a slash', { given: ['PUT', '/v1/things/{id}'], want: undefined }],
    ['an empty list maps explicitly to no scope', { given: ['GET', '/v1/open'], want: [] }],
    ['no entry, no mapping', { given: ['GET', '/v2/other'], want: undefined }],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(matchScopes(map, ...given)?.scopes).toEqual(want));

  it('the catalogue keeps each scope confidence', () => {
    expect(map.scopes).toEqual({
      'things:read': { description: 'Read things', confidence: 'documented' },
      'things:write': { description: 'Write things', confidence: 'inferred' },
    });
  });

  it('a scope outside the catalogue and a bad match are located', () => {
    const bad = parseScopesMap(
      'scopes: { a:read: { description: A } }\noperations:\n  - { match: GET /x, scopes: [b:read] }\n  - { match: nope }\n',
      'bad.yaml',
    );
    expect('problems' in bad && bad.problems.map((p) => [p.pointer, p.message])).toEqual([
      ['/operations/0/scopes/0', 'scope "b:read" is not in the map\'s catalogue'],
      ['/operations/1/match', 'match must be "METHOD /path/pattern"'],
    ]);
  });

  it("the project's map for Pleo parses and uses only scopes of its catalogue", () => {
    const pleo = parseScopesMap(readFileSync('collections/openapi/pleo-scopes.yaml', 'utf8'), 'pleo-scopes.yaml');
    expect('map' in pleo).toBe(true);
    if ('map' in pleo) {
      expect(pleo.map.scopes['users:write']?.confidence).toBe('example-only');
      expect(pleo.map.scopes['vendors:read']?.confidence).toBe('documented');
      expect(matchScopes(pleo.map, 'POST', '/v1/vendors/{id}:archive')?.scopes).toEqual(['vendors:write']);
      expect(matchScopes(pleo.map, 'POST', '/v1/vendors:search')?.scopes).toEqual(['vendors:read']);
      expect(matchScopes(pleo.map, 'DELETE', '/v1/chart-of-accounts/{accountId}')?.scopes).toEqual(['accounts:write']);
    }
  });
});
