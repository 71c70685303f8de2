import { describe, expect, it } from 'vitest';
import { isUnderProduction, normalisedUrl } from '../../../src/run/target/production.js';

// More spellings of a production URL that must be recognised (or must not be taken for a URL at all);
// written against the survivors of `MUTATE_UNIT=1 npm run mutate -- --mutate src/run/target/production.ts`.
describe('a production base URL with a path is recognised however the path is spelt', () => {
  const base = 'https://api.example.test/v1';
  it.each([
    ['https://api.example.test//v1/users', true],
    ['https://api.example.test/v1//users', true],
    ['https://api.example.test/v1', true],
    ['https://api.example.test/v2', false],
    ['https://api.example.test/v10', false],
  ])('%s → %s', (url, production) => {
    expect(isUnderProduction(url, base)).toBe(production);
  });
});

describe('only an absolute http(s) URL is one', () => {
  it.each([['ftp://api.example.test/v1'], ['see https://api.example.test/v1'], ['api.example.test/v1']])(
    '%s is not',
    (url) => {
      expect(normalisedUrl(url)).toBeUndefined();
    },
  );
});

describe('an IPv6 host keeps its colons; only a final :port is a port', () => {
  it.each([
    ['https://[::1]:8443/v1', 'https://[::1]:8443/v1'],
    ['https://[::1]:443/v1', 'https://[::1]/v1'],
    ['http://[fe80::1]/v1/', 'http://[fe80::1]/v1'],
  ])('%s → %s', (url, want) => {
    expect(normalisedUrl(url)).toBe(want);
  });
});
