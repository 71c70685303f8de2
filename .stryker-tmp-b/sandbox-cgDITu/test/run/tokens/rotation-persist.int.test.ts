// @ts-nocheck
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCommand, type TestArgs } from '../../../src/commands/test.js';
import { neededScopes } from '../../../src/generate/index.js';
import { storedTokenPath } from '../../../src/login/token-store.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../../src/mock/index.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { CLI } from '../../helpers/cli.js';
import { loadMinimal, MINIMAL_SPEC } from '../../helpers/specs.js';
import { startGateProxy } from '../helpers/gate-proxy.js';
import { captureOutput, quietly } from '../helpers/output.js';
import { remoteTestArgs, stagingEnvironmentFile } from '../helpers/remote-run.js';
import { obtainRefreshToken, refreshOrExchange } from '../helpers/tokens.js';

let spec: ApiDescription;
let mock: RunningMock;
let dir: string;
const CLIENT = { PLEO_CLIENT_ID: TEST_CLIENT.id, PLEO_CLIENT_SECRET: TEST_CLIENT.secret };

beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
  dir = await mkdtemp(join(tmpdir(), 'pleo-rotation-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

const fresh = (name: string) => join(dir, `${name}-${Math.random().toString(36).slice(2)}`);

const environmentFile = (url: string) => stagingEnvironmentFile(spec, url, dir);

const args = (env: string, extra: Partial<TestArgs> = {}) => remoteTestArgs(dir, env, extra);

const firstToken = () => obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
const readToken = async (path: string) => (await readFile(path, 'utf8')).trim();

/** `node dist/cli.js test …` as a child process, the way CI runs it. */
function spawnTest(envFile: string, tokenFile: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'test',
      '--spec',
      MINIMAL_SPEC,
      '--env',
      envFile,
      '--refresh-token-file',
      tokenFile,
      '--report-dir',
      join(dir, 'reports'),
    ],
    { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', PLEO_POSTMAN_CONFIG_DIR: join(dir, 'config'), ...env } },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('a rotated refresh token reaches disk before the run sends anything else', () => {
  it('every request after a refresh finds the newest token already in --refresh-token-file', async () => {
    const tokenFile = fresh('token');
    const first = await firstToken();
    let lastIssued: string | undefined;
    const seen: Array<{ path: string; fileHoldsNewest: boolean }> = [];
    const proxy = await startGateProxy(mock.url, {
      beforeForward: async ({ path }) => {
        if (lastIssued === undefined) return;
        seen.push({ path, fileHoldsNewest: existsSync(tokenFile) && (await readToken(tokenFile)) === lastIssued });
      },
      afterRefreshTokenIssued: (token) => {
        lastIssued = token;
      },
    });
    try {
      const envFile = await environmentFile(proxy.url);
      const run = await quietly((io) =>
        testCommand(args(envFile, { refreshTokenFile: tokenFile }), io, { ...CLIENT, PLEO_REFRESH_TOKEN: first }),
      );
      expect(run.result, run.output.slice(-1500)).toBe(0);
    } finally {
      await proxy.close();
    }
    // The suite refreshes three times (start, then two narrowing refreshes in the Security folder).
    expect(proxy.issued.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.filter((s) => !s.fileHoldsNewest)).toEqual([]);
    expect(await readToken(tokenFile)).toBe(proxy.issued.at(-1));
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
  });

  it('a run killed with SIGKILL right after the refresh response leaves the new token in the file; the next run takes over the lock and passes', async () => {
    const tokenFile = fresh('killed');
    const first = await firstToken();
    const killed = deferred();
    let issued: string | undefined;
    let sentAfterRefresh = false;
    let run: ReturnType<typeof spawnTest> | undefined;
    const proxy = await startGateProxy(mock.url, {
      // The first request that reaches the proxy after the refresh response proves the child has read
      // that response: it is held, and the child is killed while it waits (nothing more is ever sent).
      beforeForward: async () => {
        if (issued === undefined) return;
        sentAfterRefresh = true;
        run?.child.kill('SIGKILL');
        await killed.promise;
      },
      afterRefreshTokenIssued: (token, grant) => {
        if (grant === 'refresh_token' && issued === undefined) issued = token;
      },
    });
    try {
      const envFile = await environmentFile(proxy.url);
      run = spawnTest(envFile, tokenFile, { ...CLIENT, PLEO_REFRESH_TOKEN: first });
      const exit = await run.exited;
      expect(exit.signal, run.output()).toBe('SIGKILL');
      killed.resolve();
      expect(sentAfterRefresh).toBe(true);
      expect(proxy.refreshTokensSent).toEqual([first]);
      expect(issued).toBeDefined();
      expect(await readToken(tokenFile)).toBe(issued);
      expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
      // The killed run's lock is still there, naming a process that is gone.
      expect(JSON.parse(await readFile(`${tokenFile}.lock`, 'utf8'))).toMatchObject({
        pid: run.child.pid,
        host: hostname(),
      });

      // The next run reads the file (no PLEO_REFRESH_TOKEN), takes over the stale lock and passes.
      const again = await quietly((io) => testCommand(args(envFile, { refreshTokenFile: tokenFile }), io, CLIENT));
      expect(again.result, again.output.slice(-1500)).toBe(0);
      expect(again.output).toContain(`notice: took over ${tokenFile}.lock: it was left by process ${run.child.pid}`);
      expect(proxy.refreshTokensSent[1]).toBe(issued);
      expect(new Set(proxy.refreshTokensSent).size).toBe(proxy.refreshTokensSent.length);
      expect(existsSync(`${tokenFile}.lock`)).toBe(false);
      const newest = await readToken(tokenFile);
      await expect(
        refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: newest }),
      ).resolves.toHaveProperty('access_token');
    } finally {
      killed.resolve();
      if (run && run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
      await proxy.close();
    }
  });

  it('two concurrent runs on one file never refresh with the same token: the second is refused while the first holds it', async () => {
    const tokenFile = fresh('shared');
    await writeFile(tokenFile, `${await firstToken()}\n`, { mode: 0o600 });
    const firstRefresh = deferred();
    const release = deferred();
    const proxy = await startGateProxy(mock.url, {
      beforeForward: async ({ form }) => {
        if (form?.get('grant_type') !== 'refresh_token' || proxy.refreshTokensSent.length !== 1) return;
        firstRefresh.resolve();
        await release.promise;
      },
    });
    const envFile = await environmentFile(proxy.url);
    const a = spawnTest(envFile, tokenFile, CLIENT);
    try {
      await firstRefresh.promise; // A holds the lock and is in the middle of its refresh
      const b = spawnTest(envFile, tokenFile, CLIENT);
      const bExit = await b.exited;
      expect(bExit.code, b.output()).toBe(1);
      expect(b.output()).toContain(`another run is using ${tokenFile}`);
      expect(b.output()).toContain(`held by process ${a.child.pid} on ${hostname()}`);
      release.resolve();
      const aExit = await a.exited;
      expect(aExit.code, a.output().slice(-1500)).toBe(0);
      expect(new Set(proxy.refreshTokensSent).size).toBe(proxy.refreshTokensSent.length);
      await expect(
        refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: await readToken(tokenFile) }),
      ).resolves.toHaveProperty('access_token');
    } finally {
      release.resolve();
      if (a.child.exitCode === null) a.child.kill('SIGKILL');
      await proxy.close();
    }
  });
});

describe('where the rotated token goes is decided before the first refresh', () => {
  it.each([['PLEO_REFRESH_TOKEN', { PLEO_REFRESH_TOKEN: 'a-refresh-token' }, 'PLEO_REFRESH_TOKEN is set']])(
    'refuses a run with %s and nowhere to keep the rotation, before sending anything',
    async (_n, env, want) => {
      const proxy = await startGateProxy(mock.url);
      try {
        const envFile = await environmentFile(proxy.url);
        const error = await testCommand(args(envFile), captureOutput().io, {
          ...CLIENT,
          ...env,
          PLEO_POSTMAN_CONFIG_DIR: join(dir, 'config'),
        }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'REFRESH_TOKEN_NOWHERE' });
        expect((error as Error).message).toContain(`${want}, but there is nowhere to keep the refresh token`);
        expect((error as Error).message).toContain('pass --refresh-token-file FILE');
        expect((error as Error).message).toContain('nothing was sent');
        expect(proxy.requestCount()).toBe(0);
      } finally {
        await proxy.close();
      }
    },
  );

  it('refuses an environment file that carries a refreshToken, with no --refresh-token-file', async () => {
    const proxy = await startGateProxy(mock.url);
    try {
      const envFile = await environmentFile(proxy.url);
      const json = JSON.parse(await readFile(envFile, 'utf8')) as { values: Array<{ key: string; value: string }> };
      for (const v of json.values) if (v.key === 'refreshToken') v.value = 'from-the-file';
      await writeFile(envFile, JSON.stringify(json));
      await expect(testCommand(args(envFile), captureOutput().io, CLIENT)).rejects.toThrow(
        `${envFile} holds a refreshToken, but there is nowhere to keep`,
      );
      expect(proxy.requestCount()).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('uses the login store when neither PLEO_REFRESH_TOKEN nor --refresh-token-file is given, and rotates into it', async () => {
    const configDir = join(dir, `store-${Math.random().toString(36).slice(2)}`);
    const envFile = await environmentFile(mock.url);
    const stored = storedTokenPath(
      envFile.replace(/^.*\//, '').replace(/\.postman_environment\.json$/, ''),
      TEST_CLIENT.id,
      { PLEO_POSTMAN_CONFIG_DIR: configDir },
    );
    const first = await firstToken();
    await mkdir(dirname(stored), { recursive: true });
    await writeFile(stored, `${first}\n`, { mode: 0o600 });
    const run = await quietly((io) =>
      testCommand(args(envFile), io, { ...CLIENT, PLEO_POSTMAN_CONFIG_DIR: configDir }),
    );
    expect(run.result, run.output.slice(-1500)).toBe(0);
    expect(run.output).toContain(`the new one is in the login store, ${stored} (mode 0600)`);
    const rotated = await readToken(stored);
    expect(rotated).not.toBe(first);
    expect(run.output).not.toContain(rotated);
    expect((await stat(stored)).mode & 0o777).toBe(0o600);
  });

  it('stops the run, with a clear message, when a rotated token cannot be written', async () => {
    const tokenFile = fresh('unwritable');
    const first = await firstToken();
    let requestsAfterRefresh = 0;
    let refreshed = false;
    const proxy = await startGateProxy(mock.url, {
      beforeForward: () => {
        if (refreshed) requestsAfterRefresh++;
      },
      afterRefreshTokenIssued: () => {
        refreshed = true;
      },
      // After the run's checks passed: a folder where the token file goes makes the write fail (EISDIR).
      beforeRefreshTokenForwarded: () => mkdirSync(tokenFile, { recursive: true }),
    });
    try {
      const envFile = await environmentFile(proxy.url);
      const error = await quietly(async (io) => {
        const pending = testCommand(args(envFile, { refreshTokenFile: tokenFile }), io, {
          ...CLIENT,
          PLEO_REFRESH_TOKEN: first,
        });
        return pending.catch((e: unknown) => e);
      });
      expect(error.result).toMatchObject({ code: 'REFRESH_TOKEN_UNSAVED' });
      expect((error.result as Error).message).toContain(`could not be written to ${tokenFile}`);
      expect(requestsAfterRefresh).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});
