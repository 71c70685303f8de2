import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCommand } from '../../../src/commands/test.js';
import { loadSpec, type ApiDescription } from '../../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../../src/mock/index.js';
import { runSuite } from '../../../src/run/index.js';
import { runNewman } from '../../../src/run/runners/newman-run.js';
import { MINIMAL_SPEC } from '../../helpers/specs.js';
import { postmanCli } from '../../helpers/postman-cli.js';
import { captureOutput } from '../helpers/output.js';
import { startRecordingProxy } from '../helpers/recording-proxy.js';
import { remoteTestArgs } from '../helpers/remote-run.js';
import { startTokenStandin, type TokenFault } from '../helpers/token-standin.js';
import { obtainRefreshToken } from '../helpers/tokens.js';

// Issue 22 item 6: an API whose documents name their own endpoints. The harness, the collection and the
// mock use the description's paths; nothing is sent to Pleo's /oauth/token.
const AUTHORIZE = '/authorize';
const TOKEN = '/api/token';

let dir: string;
let specPath: string;
let spec: ApiDescription;
let mock: RunningMock;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pleo-token-paths-'));
  specPath = join(dir, 'own-paths.yaml');
  const text = (await readFile(MINIMAL_SPEC, 'utf8')).replace(
    '  tokenName: Pleo access token\n',
    `  tokenName: Pleo access token\n  authorizePath: ${AUTHORIZE}\n  tokenPath: ${TOKEN}\n`,
  );
  await writeFile(specPath, text);
  spec = await loadSpec(specPath);
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

/** The staging environment with the authorisation server at `authServerUrl` (the stand-in) and the API at the mock. */
async function environmentFile(authServerUrl: string): Promise<string> {
  const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
  for (const v of environment.values) {
    if (v.key === 'authServerUrl') v.value = authServerUrl;
    if (v.key === 'apiBaseUrl') v.value = mock.url;
  }
  const file = join(dir, `standin-${Math.random().toString(36).slice(2)}.postman_environment.json`);
  await writeFile(file, JSON.stringify(environment));
  return file;
}

describe(`a description with auth.tokenPath ${TOKEN} and auth.authorizePath ${AUTHORIZE}`, () => {
  it('is what the test was written for', () => {
    expect(spec.auth).toMatchObject({ authorizePath: AUTHORIZE, tokenPath: TOKEN });
  });

  it.each<[TokenFault, number]>([
    ['answers', 0],
    ['500', 1],
  ])(
    '`test --env FILE --refresh-token-file`, the token endpoint %s: the token POSTs reach /api/token, nothing /oauth/token',
    async (fault, exitCode) => {
      const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '), spec.auth);
      const forwarded: string[] = [];
      const standin = await startTokenStandin(fault, mock.url, {
        tokenPath: TOKEN,
        beforeForward: (path) => void forwarded.push(path),
      });
      const refreshTokenFile = join(dir, `refresh-token-${fault}`);
      await writeFile(refreshTokenFile, `${first}\n`, { mode: 0o600 });
      const output = captureOutput();
      let code: number;
      try {
        const env = await environmentFile(standin.url);
        code = await testCommand(
          remoteTestArgs(dir, env, { spec: specPath, refreshTokenFile, timeoutRequest: 1000 }),
          output.io,
          { PLEO_CLIENT_ID: TEST_CLIENT.id, PLEO_CLIENT_SECRET: TEST_CLIENT.secret },
        );
      } finally {
        output.restore();
        await standin.close();
      }
      expect(code, output.text().slice(-1500)).toBe(exitCode);
      // The harness's refresh (and, when it answers, the narrowing refreshes) at the description's path.
      expect(standin.posts.length).toBeGreaterThan(0);
      expect(standin.perRefreshToken().get(first)).toBe(1);
      // A request anywhere else on the authorisation server (a POST to /oauth/token, say) would be forwarded.
      expect(forwarded).toEqual([]);
      if (fault === 'answers') {
        expect((await readFile(refreshTokenFile, 'utf8')).trim()).toBe(standin.issued.at(-1));
      } else {
        expect(output.text()).toMatch(/the token step failed: /);
        expect((await readFile(refreshTokenFile, 'utf8')).trim()).toBe(first);
      }
    },
    60_000,
  );

  it('the local run (Authorization Code + PKCE, then the narrowing refreshes) asks at /authorize and /api/token only', async () => {
    const proxy = await startRecordingProxy(mock.url, spec.auth);
    try {
      const summary = await runSuite({
        collection: buildCollection(spec).collection,
        environment: buildEnvironment(spec, 'local', neededScopes(spec)),
        envVars: { authServerUrl: proxy.url, apiBaseUrl: proxy.url, redirectUri: `${proxy.url}/callback` },
        reporters: [],
      });
      expect(summary.failures).toEqual([]);
      // Counted only at /api/token: the code exchange and the security folder's two narrowing refreshes.
      expect(proxy.recorded.grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token', 'refresh_token']);
      // Everything not at the description's endpoints (or /callback) is listed: no /oauth/… among it.
      expect(proxy.recorded.apiCalls.length).toBeGreaterThan(0);
      expect(proxy.recorded.apiCalls.filter((c) => / \/oauth\//.test(c))).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 60_000);
});

// Issue 22 item 6: a flow's refreshUrl of its own is auth.refreshPath; the harness refreshes and rotates there.
describe('a description with auth.refreshPath /api/refresh beside tokenPath /api/token', () => {
  const REFRESH = '/api/refresh';
  let refreshSpecPath: string;
  let refreshSpec: ApiDescription;
  let refreshMock: RunningMock;

  beforeAll(async () => {
    refreshSpecPath = join(dir, 'own-refresh-path.yaml');
    await writeFile(
      refreshSpecPath,
      (await readFile(specPath, 'utf8')).replace(
        `  tokenPath: ${TOKEN}\n`,
        `  tokenPath: ${TOKEN}\n  refreshPath: ${REFRESH}\n`,
      ),
    );
    refreshSpec = await loadSpec(refreshSpecPath);
    refreshMock = await startMock({ spec: refreshSpec, port: 0, autoApprove: true });
  });
  afterAll(() => refreshMock.close());

  it('is what the test was written for', () => {
    expect(refreshSpec.auth).toMatchObject({ authorizePath: AUTHORIZE, tokenPath: TOKEN, refreshPath: REFRESH });
  });

  it('`test --refresh-token-file`: every refresh (and narrowing) is POSTed to /api/refresh, each rotation kept; none to /api/token', async () => {
    const first = await obtainRefreshToken(refreshMock.url, neededScopes(refreshSpec).join(' '), refreshSpec.auth);
    const forwarded: string[] = [];
    const standin = await startTokenStandin('answers', refreshMock.url, {
      tokenPath: REFRESH,
      beforeForward: (path) => void forwarded.push(path),
    });
    const refreshTokenFile = join(dir, 'refresh-token-rotation');
    await writeFile(refreshTokenFile, `${first}\n`, { mode: 0o600 });
    const environment = buildEnvironment(refreshSpec, 'staging', neededScopes(refreshSpec));
    for (const v of environment.values) {
      if (v.key === 'authServerUrl') v.value = standin.url;
      if (v.key === 'apiBaseUrl') v.value = refreshMock.url;
    }
    const env = join(dir, 'refresh-standin.postman_environment.json');
    await writeFile(env, JSON.stringify(environment));
    const output = captureOutput();
    let code: number;
    try {
      code = await testCommand(
        remoteTestArgs(dir, env, { spec: refreshSpecPath, refreshTokenFile, timeoutRequest: 1000 }),
        output.io,
        { PLEO_CLIENT_ID: TEST_CLIENT.id, PLEO_CLIENT_SECRET: TEST_CLIENT.secret },
      );
    } finally {
      output.restore();
      await standin.close();
    }
    expect(code, output.text().slice(-1500)).toBe(0);
    // The access token and the security folder's three narrower tokens (one a set of scopes): four refreshes, each with the newest token.
    expect(standin.posts.map((p) => new URLSearchParams(p.body).get('grant_type'))).toEqual([
      'refresh_token',
      'refresh_token',
      'refresh_token',
      'refresh_token',
    ]);
    expect(standin.posts.map((p) => p.refreshToken)).toEqual([first, ...standin.issued.slice(0, 3)]);
    expect(forwarded, 'nothing else reached the authorisation server').toEqual([]);
    expect((await readFile(refreshTokenFile, 'utf8')).trim()).toBe(standin.issued.at(-1));
  }, 60_000);

  it('the local run: the code is exchanged at /api/token, the narrowing refreshes go to /api/refresh', async () => {
    const proxy = await startRecordingProxy(refreshMock.url, refreshSpec.auth);
    try {
      const summary = await runSuite({
        collection: buildCollection(refreshSpec).collection,
        environment: buildEnvironment(refreshSpec, 'local', neededScopes(refreshSpec)),
        envVars: { authServerUrl: proxy.url, apiBaseUrl: proxy.url, redirectUri: `${proxy.url}/callback` },
        reporters: [],
      });
      expect(summary.failures).toEqual([]);
      expect(proxy.recorded.grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token', 'refresh_token']);
      expect(proxy.recorded.tokenPaths).toEqual([TOKEN, REFRESH, REFRESH, REFRESH]);
      expect(proxy.recorded.apiCalls.filter((c) => / \/oauth\//.test(c))).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  /**
   * A plain run of the v2.1 collection (no harness: the collection's own scripts get the tokens), by
   * Newman or the Postman CLI, through the recording proxy.
   */
  async function plainRun(
    runner: 'newman' | 'postman-cli',
    environmentName: 'local' | 'staging',
    values: Record<string, string>,
  ) {
    const proxy = await startRecordingProxy(refreshMock.url, refreshSpec.auth);
    try {
      const environment = buildEnvironment(refreshSpec, environmentName, neededScopes(refreshSpec));
      const filled: Record<string, string> = { authServerUrl: proxy.url, apiBaseUrl: proxy.url, ...values };
      for (const v of environment.values) if (v.key in filled) v.value = filled[v.key]!.replace('{proxy}', proxy.url);
      const collection = buildCollection(refreshSpec).collection;
      if (runner === 'newman') {
        const summary = await runNewman({
          collection: collection as never,
          environment: environment as never,
          reporters: [],
        });
        return { failures: summary.run.failures.map((f) => f.error?.message ?? ''), recorded: proxy.recorded };
      }
      const files = await mkdtemp(join(dir, 'plain-cli-'));
      await writeFile(join(files, 'collection.json'), JSON.stringify(collection));
      await writeFile(join(files, 'environment.json'), JSON.stringify(environment));
      const run = await postmanCli(['collection', 'run', 'collection.json', '-e', 'environment.json'], { cwd: files });
      return { failures: run.code === 0 ? [] : [run.stdout.slice(-2000)], recorded: proxy.recorded };
    } finally {
      await proxy.close();
    }
  }

  it.each(['newman', 'postman-cli'] as const)(
    "plain %s run with a refresh token: the collection's own refreshes (Token request, narrowings) go to /api/refresh",
    async (runner) => {
      const first = await obtainRefreshToken(refreshMock.url, neededScopes(refreshSpec).join(' '), refreshSpec.auth);
      const { failures, recorded } = await plainRun(runner, 'staging', {
        clientId: TEST_CLIENT.id,
        clientSecret: TEST_CLIENT.secret,
        refreshToken: first,
      });
      expect(failures).toEqual([]);
      expect(recorded.grants).toEqual(['refresh_token', 'refresh_token', 'refresh_token', 'refresh_token']);
      expect(recorded.tokenPaths).toEqual([REFRESH, REFRESH, REFRESH, REFRESH]);
      expect(recorded.refreshTokensSent[0]).toBe(first);
    },
    60_000,
  );

  it('plain newman run against the local mock: the code is exchanged at /api/token, the narrowings refresh at /api/refresh', async () => {
    const { failures, recorded } = await plainRun('newman', 'local', { redirectUri: '{proxy}/callback' });
    expect(failures).toEqual([]);
    expect(recorded.grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token', 'refresh_token']);
    expect(recorded.tokenPaths).toEqual([TOKEN, REFRESH, REFRESH, REFRESH]);
  }, 60_000);
});
