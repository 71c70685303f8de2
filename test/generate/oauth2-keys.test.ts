import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildCollectionModel, writeV21, writeV3 } from '../../src/generate/index.js';
import type { Json } from '../helpers/json.js';
import { loadDefault } from '../helpers/specs.js';

/** Postman's OAuth 2.0 key names, with where each was checked (the fixture's `origin`). */
const POSTMAN_KEYS = new Set<string>(
  (JSON.parse(readFileSync('test/fixtures/postman/oauth2-keys.json', 'utf8')) as { keys: string[] }).keys,
);

describe('the OAuth 2.0 settings, under both formats', () => {
  it('store every setting under a key Postman itself uses (`collection lint` does not check them), the same in v2.1 and v3', async () => {
    const model = buildCollectionModel(await loadDefault()).model;
    const v21 = (writeV21(model) as Json).auth.oauth2.map((e: Json) => [e.key, e.value]);
    for (const [key] of v21) expect(POSTMAN_KEYS, key).toContain(key);
    const definition = writeV3(model).find((f) => f.path.endsWith('Pleo API/.resources/definition.yaml'))!;
    const [auth] = parse(definition.content).auth as Json[];
    expect(Object.entries(auth!.credentials)).toEqual(v21);
  });

  it('include the refresh token URL, which the app needs to refresh a token', async () => {
    const model = buildCollectionModel(await loadDefault()).model;
    const refresh = model.auth.entries.find((e) => e.key === 'refreshTokenUrl');
    expect(refresh?.value).toBe('{{authServerUrl}}/oauth/token');
  });
});
