import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCommand, type TestArgs } from '../../../src/commands/test.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { lockRefreshTokenFile, runSuite } from '../../../src/run/index.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { loadMinimal } from '../../helpers/specs.js';
import { captureOutput, quietly } from '../helpers/output.js';
import { remoteTestArgs, stagingEnvironmentFile } from '../helpers/remote-run.js';
import { startRecordingProxy } from '../helpers/recording-proxy.js';
import { obtainRefreshToken, refreshOrExchange } from '../helpers/tokens.js';

let spec: ApiDescription;
let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
  dir = await mkdtemp(join(tmpdir(), 'pleo-tokens-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

const environmentFile = (url: string) => stagingEnvironmentFile(spec, url, dir);

const args = (env: string, extra: Partial<TestArgs> = {}) => remoteTestArgs(dir, env, extra);

/** Runs the default collection with the local environment pointed at `url` (a recording proxy). */
function runLocalThrough(url: string, envVars: Record<string, string> = {}) {
  return runSuite({
    collection: buildCollection(spec).collection,
    environment: buildEnvironment(spec, 'local', neededScopes(spec)),
    envVars: { authServerUrl: url, apiBaseUrl: url, redirectUri: `${url}/callback`, ...envVars },
    reporters: [],
  });
}

describe('token acquisition in the collection', () => {
  it('takes one Authorization Code + PKCE exchange per run and never sends a refresh token twice', async () => {
    const proxy = await startRecordingProxy(mock.url);
    try {
      const summary = await runLocalThrough(proxy.url);
      expect(summary.failures).toEqual([]);
      const { grants, refreshTokensSent, issued } = proxy.recorded;
      expect(grants.filter((g) => g === 'authorization_code')).toHaveLength(1);
      // The security folder's three narrowing refreshes (one a set of scopes: vendors:read,
      // vendors:write, users:read), each with the token the previous answer issued.
      expect(grants.filter((g) => g === 'refresh_token')).toHaveLength(3);
      expect(new Set(refreshTokensSent).size).toBe(refreshTokensSent.length);
      for (const token of refreshTokensSent) expect(issued).toContain(token);
    } finally {
      await proxy.close();
    }
  });

  it('issue 18 item 3: the harness gets every token before the runner starts; the runner sends none, even when the access token is about to expire', async () => {
    const shortLived = await startMock({ spec, port: 0, autoApprove: true, accessTokenTtlSeconds: 1 });
    const proxy = await startRecordingProxy(shortLived.url);
    try {
      await runLocalThrough(proxy.url);
      const { grants, refreshTokensSent } = proxy.recorded;
      // Within 30 s of expiry a token counts as expired: the collection's script would refresh before
      // every request (it did before issue 18); the harness's mark stops it. A run must fit in the token's life.
      expect(grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token', 'refresh_token']);
      expect(new Set(refreshTokensSent).size).toBe(refreshTokensSent.length);
    } finally {
      await proxy.close();
      await shortLived.close();
    }
  });

  it('reports a failed refresh once and does not send that refresh token again', async () => {
    const proxy = await startRecordingProxy(mock.url);
    try {
      const summary = await runLocalThrough(proxy.url, { refreshToken: 'not-a-refresh-token' });
      expect(summary.ok).toBe(false);
      expect(proxy.recorded.refreshTokensSent).toEqual(['not-a-refresh-token']);
      const tokenFailures = summary.failures.filter(
        (f) => f.test === 'token: refresh_token grant → access token (RFC 6749 §6)',
      );
      expect(tokenFailures).toHaveLength(1);
      expect(tokenFailures[0]!.message).toMatch(/^token endpoint answered 400 invalid_grant/);
    } finally {
      await proxy.close();
    }
  });
});

describe('`test` with CI credentials', () => {
  it('refreshes with PLEO_REFRESH_TOKEN and keeps the rotated token in --refresh-token-file (0600), which the next run reads', async () => {
    const envFile = await environmentFile(mock.url);
    const tokenFile = join(dir, 'refresh-token');
    const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
    const credentials = { PLEO_CLIENT_ID: 'pleo-postman-local', PLEO_CLIENT_SECRET: 'local-mock-secret' };

    const run1 = await quietly((io) =>
      testCommand(args(envFile, { refreshTokenFile: tokenFile }), io, { ...credentials, PLEO_REFRESH_TOKEN: first }),
    );
    expect(run1.result, run1.output.slice(-1500)).toBe(0);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const second = (await readFile(tokenFile, 'utf8')).trim();
    expect(second).not.toBe(first);
    expect(run1.output).toContain(`the new one is in ${tokenFile} (mode 0600)`);
    expect(run1.output).not.toContain(second);

    const run2 = await quietly((io) => testCommand(args(envFile, { refreshTokenFile: tokenFile }), io, credentials));
    expect(run2.result, run2.output.slice(-1500)).toBe(0);
    const third = (await readFile(tokenFile, 'utf8')).trim();
    expect(third).not.toBe(second);
    await expect(
      refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: third }),
    ).resolves.toHaveProperty('access_token');
  });

  it('refuses a second run on the same --refresh-token-file while one holds it, and releases it after', async () => {
    const tokenFile = join(dir, 'locked-token');
    const release = await lockRefreshTokenFile(tokenFile);
    const envFile = await environmentFile(mock.url);
    const env = { PLEO_CLIENT_ID: 'id', PLEO_CLIENT_SECRET: 's', PLEO_REFRESH_TOKEN: 'r' };
    await expect(testCommand(args(envFile, { refreshTokenFile: tokenFile }), captureOutput().io, env)).rejects.toThrow(
      `another run is using ${tokenFile}`,
    );
    await release();
    await expect(lockRefreshTokenFile(tokenFile).then((again) => again())).resolves.toBeUndefined();
  });

  it.each([
    ['nothing set', {}, 'PLEO_CLIENT_ID, PLEO_CLIENT_SECRET, PLEO_REFRESH_TOKEN'],
    ['only the client id', { PLEO_CLIENT_ID: 'id' }, 'PLEO_CLIENT_SECRET, PLEO_REFRESH_TOKEN'],
    ['no refresh token', { PLEO_CLIENT_ID: 'id', PLEO_CLIENT_SECRET: 's' }, 'PLEO_REFRESH_TOKEN'],
  ])('names the missing variables for staging: %s', async (_name, env, want) => {
    await expect(testCommand(args('staging'), captureOutput().io, env)).rejects.toThrow(
      `missing credentials: set ${want} in the environment`,
    );
  });
});
