import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  configDir,
  CONFIG_DIR_VARIABLE,
  deleteStoredTokens,
  environmentLabel,
  hasStoredToken,
  listStoredTokens,
  storedTokenPath,
  tokenStoreDir,
} from '../../src/login/token-store.js';
import { tempDir } from '../helpers/temp.js';

/** The login store's rules: one file per environment and client, and logout deletes only what it names. */
const root = tempDir('pleo-token-store-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A store with a token file for each [environment, client]. */
function storeWith(entries: Array<[string, string]>): Record<string, string> {
  const env = { [CONFIG_DIR_VARIABLE]: join(root, `config-${++n}`) };
  mkdirSync(tokenStoreDir(env), { recursive: true });
  for (const [label, client] of entries) writeFileSync(storedTokenPath(label, client, env), `token of ${label}\n`);
  return env;
}

const remaining = (env: Record<string, string>) => readdirSync(tokenStoreDir(env)).sort();

describe('logout: deleteStoredTokens', () => {
  it("`logout --env X` deletes only X's tokens, every client's, and leaves the other environments'", async () => {
    const env = storeWith([
      ['staging', 'client-a'],
      ['staging', 'client-b'],
      ['production', 'client-a'],
      ['my-env', 'client-a'],
    ]);
    const deleted = await deleteStoredTokens('staging', undefined, env);
    expect(deleted.map((t) => [t.environment, t.clientId])).toEqual([
      ['staging', 'client-a'],
      ['staging', 'client-b'],
    ]);
    expect(remaining(env)).toEqual(['my-env@client-a.refresh-token', 'production@client-a.refresh-token']);
  });

  it('with a client (PLEO_CLIENT_ID set) it deletes only that client’s token of X', async () => {
    const env = storeWith([
      ['staging', 'client-a'],
      ['staging', 'client-b'],
      ['production', 'client-a'],
    ]);
    const deleted = await deleteStoredTokens('staging', 'client-b', env);
    expect(deleted.map((t) => t.path)).toEqual([storedTokenPath('staging', 'client-b', env)]);
    expect(remaining(env)).toEqual(['production@client-a.refresh-token', 'staging@client-a.refresh-token']);
  });

  it('an environment with no token deletes nothing', async () => {
    const env = storeWith([['staging', 'client-a']]);
    expect(await deleteStoredTokens('production', undefined, env)).toEqual([]);
    expect(remaining(env)).toEqual(['staging@client-a.refresh-token']);
  });

  it('logout --env staging succeeds when another logout removed the token after it was listed', async () => {
    const env = storeWith([
      ['staging', 'client-a'],
      ['production', 'client-a'],
    ]);
    const removedFirst: string[] = [];
    // The other logout wins the race: it removes each file just before ours does.
    const racing = {
      rm: (async (path, options) => {
        rmSync(path);
        removedFirst.push(String(path));
        await rm(path, options);
      }) as typeof rm,
    };
    const deleted = await deleteStoredTokens('staging', undefined, env, racing);
    expect(deleted.map((t) => t.path)).toEqual([storedTokenPath('staging', 'client-a', env)]);
    expect(removedFirst).toEqual([storedTokenPath('staging', 'client-a', env)]);
    expect(remaining(env)).toEqual(['production@client-a.refresh-token']);
  });

  it('a store folder that does not exist yet holds nothing', async () => {
    const env = { [CONFIG_DIR_VARIABLE]: join(root, 'never-created') };
    expect(await listStoredTokens(env)).toEqual([]);
    expect(await deleteStoredTokens('staging', undefined, env)).toEqual([]);
  });

  it('a store path that is not a folder is an error, not an empty store', async () => {
    const file = join(root, `a-file-${++n}`);
    writeFileSync(file, '');
    await expect(listStoredTokens({ [CONFIG_DIR_VARIABLE]: file })).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('listStoredTokens', () => {
  it('sorts by the names, not by the files’ order (B after a), and skips a name with two @', async () => {
    const env = storeWith([
      ['zeta', 'a'],
      ['Alpha', 'B'],
      ['Alpha', 'a'],
    ]);
    writeFileSync(join(tokenStoreDir(env), 'x@y@z.refresh-token'), '');
    expect((await listStoredTokens(env)).map((t) => `${t.environment}@${t.clientId}`)).toEqual([
      'Alpha@a',
      'Alpha@B',
      'zeta@a',
    ]);
  });

  it('lists only token files, decoded, sorted by environment then client, with when they were written', async () => {
    const env = storeWith([
      ['staging', 'b'],
      ['staging', 'a'],
      ['a/b env', 'id*1'],
    ]);
    writeFileSync(join(tokenStoreDir(env), 'notes.txt'), '');
    writeFileSync(join(tokenStoreDir(env), 'staging@a.refresh-token.lock'), '');
    const listed = await listStoredTokens(env);
    expect(listed.map((t) => [t.environment, t.clientId])).toEqual([
      ['a/b env', 'id*1'],
      ['staging', 'a'],
      ['staging', 'b'],
    ]);
    expect(listed[1]?.path).toBe(storedTokenPath('staging', 'a', env));
    expect(listed[1]?.lastRotated).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (listed[1]?.lastRotated.getTime() ?? 0))).toBeLessThan(60_000);
  });

  it('a token another logout removed between the listing and its stat is not stored any more: left out, the rest listed', async () => {
    const env = storeWith([
      ['staging', 'a'],
      ['staging', 'b'],
    ]);
    const gone = storedTokenPath('staging', 'a', env);
    const racing: typeof stat = (async (path: Parameters<typeof stat>[0]) => {
      if (path === gone) {
        await rm(gone);
        return stat(path);
      }
      return stat(path);
    }) as typeof stat;
    expect((await listStoredTokens(env, racing)).map((t) => t.clientId)).toEqual(['b']);
  });

  it('any other error of the stat is not hidden', async () => {
    const env = storeWith([['staging', 'a']]);
    const refused = (async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    }) as unknown as typeof stat;
    await expect(listStoredTokens(env, refused)).rejects.toMatchObject({ code: 'EACCES' });
  });
});

describe('where the store is', () => {
  it('the variable that moves it is PLEO_POSTMAN_CONFIG_DIR; unset, it is the user config folder', () => {
    expect(CONFIG_DIR_VARIABLE).toBe('PLEO_POSTMAN_CONFIG_DIR');
    expect(configDir({})).toMatch(/pleo-postman$/);
  });

  it.each([
    ['PLEO_POSTMAN_CONFIG_DIR', { [CONFIG_DIR_VARIABLE]: ' /x/y ' }, '/x/y'],
    ['a blank PLEO_POSTMAN_CONFIG_DIR: the user config folder', { [CONFIG_DIR_VARIABLE]: '  ' }, undefined],
  ])('%s', (_name, env, want) => {
    const dir = configDir(env);
    if (want) expect(dir).toBe(want);
    else expect(dir).toMatch(/pleo-postman$/);
  });

  it('one file per environment and client, the names encoded so neither can leave the folder', () => {
    const env = { [CONFIG_DIR_VARIABLE]: '/store' };
    expect(storedTokenPath('staging', 'client-a', env)).toBe('/store/tokens/staging@client-a.refresh-token');
    expect(storedTokenPath('../x', 'a@b*', env)).toBe('/store/tokens/..%2Fx@a%40b%2A.refresh-token');
  });

  it.each([
    ['staging', 'staging'],
    ['production', 'production'],
    ['local', 'local'],
    ['envs/my.postman_environment.json', 'my'],
    ['envs/other.json', 'other'],
    ['/abs/plain', 'plain'],
    ['envs/a.json.bak', 'a.json.bak'],
    ['envs/a.postman_environment.json.bak', 'a.postman_environment.json.bak'],
  ])('--env %s is stored as %s', (env, label) => {
    expect(environmentLabel(env)).toBe(label);
  });

  it('hasStoredToken is whether the file exists', () => {
    const env = storeWith([['staging', 'a']]);
    expect(hasStoredToken(storedTokenPath('staging', 'a', env))).toBe(true);
    expect(hasStoredToken(storedTokenPath('staging', 'b', env))).toBe(false);
  });
});
