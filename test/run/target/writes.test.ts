import { describe, expect, it } from 'vitest';
import { withoutWrites } from '../../../src/run/target/writes.js';

/** The edges of what a production run leaves out (the usual collection is in target.test.ts). */
describe('withoutWrites: the edges of a production run’s writes', () => {
  it('a write with no URL, or a URL object without a path, is still left out, listed as /', () => {
    const { collection, skipped } = withoutWrites({
      item: [
        { name: 'No URL', request: { method: 'POST' } },
        { name: 'No path', request: { method: 'DELETE', url: {} } },
        { name: 'Read', request: { method: 'GET' } },
      ],
    });
    expect(collection.item).toEqual([{ name: 'Read', request: { method: 'GET' } }]);
    expect(skipped).toEqual([
      { folder: '', name: 'No URL', method: 'POST', path: '/' },
      { folder: '', name: 'No path', method: 'DELETE', path: '/' },
    ]);
  });

  it('a write without a name, in a folder without a name, is listed with empty names', () => {
    const { collection, skipped } = withoutWrites({
      item: [{ item: [{ request: { method: 'patch', url: { path: ['v1', 'x'] } } }] }],
    });
    expect(collection.item).toEqual([]);
    expect(skipped).toEqual([{ folder: '', name: '', method: 'PATCH', path: '/v1/x' }]);
  });

  it('a raw URL loses only its scheme and host: a doubled slash in its path is listed as written', () => {
    const { skipped } = withoutWrites({
      item: [{ name: 'Raw', request: { method: 'PUT', url: 'https://external.pleo.io/v1/files//x?y=1' } }],
    });
    expect(skipped).toEqual([{ folder: '', name: 'Raw', method: 'PUT', path: '/v1/files//x?y=1' }]);
  });

  it('a raw :search URL with a doubled slash is a read and is kept', () => {
    const item = [
      { name: 'Search', request: { method: 'POST', url: 'https://external.pleo.io/v1/a//vendors:search' } },
    ];
    expect(withoutWrites({ item })).toEqual({ collection: { item }, skipped: [] });
  });

  it("a token request at the collection's token path is kept; a POST at Pleo's default token path is then a write", () => {
    const token = { name: 'Refresh', request: { method: 'POST', url: '{{authServerUrl}}/connect/token' } };
    const other = { name: 'Elsewhere', request: { method: 'POST', url: '{{authServerUrl}}/oauth/token' } };
    const auth = { type: 'oauth2', oauth2: [{ key: 'accessTokenUrl', value: '{{authServerUrl}}/connect/token' }] };
    const { collection, skipped } = withoutWrites({ auth, item: [{ name: 'Token', item: [token, other] }] });
    expect(collection).toEqual({ auth, item: [{ name: 'Token', item: [token] }] });
    expect(skipped).toEqual([{ folder: 'Token', name: 'Elsewhere', method: 'POST', path: '/oauth/token' }]);
  });

  it("without an auth block the token path is Pleo's default, and a token request there is kept", () => {
    const token = { name: 'Refresh', request: { method: 'POST', url: '{{authServerUrl}}/oauth/token' } };
    expect(withoutWrites({ item: [token] })).toEqual({ collection: { item: [token] }, skipped: [] });
  });
});
