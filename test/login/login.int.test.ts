import { createServer } from 'node:net';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCommand, logoutCommand, type LoginArgs, type LoginDeps } from '../../src/commands/login.js';
import type { Io } from '../../src/commands/run-command.js';
import { testCommand } from '../../src/commands/test.js';
import { buildEnvironment, neededScopes } from '../../src/generate/index.js';
import { storedTokenPath } from '../../src/login/token-store.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import { loadMinimal, MINIMAL_SPEC } from '../helpers/specs.js';
import { captureOutput } from '../run/helpers/output.js';
import { refreshOrExchange } from '../run/helpers/tokens.js';

let spec: ApiDescription;
let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
  dir = await mkdtemp(join(tmpdir(), 'pleo-login-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

/** The local environment (with the mock's test client) pointed at `url`, as an environment FILE. */
async function localEnvironmentFile(url: string, name = `local-${Math.random().toString(36).slice(2)}`) {
  const environment = buildEnvironment(spec, 'local', neededScopes(spec));
  for (const v of environment.values) {
    if (v.key === 'authServerUrl' || v.key === 'apiBaseUrl') v.value = url;
    if (v.key === 'redirectUri') v.value = `${url}/callback`;
  }
  const path = join(dir, `${name}.postman_environment.json`);
  await writeFile(path, JSON.stringify(environment));
  return { path, label: name };
}

function recordingIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

const config = () => ({ PLEO_POSTMAN_CONFIG_DIR: join(dir, `config-${Math.random().toString(36).slice(2)}`) });
const args = (env: string, extra: Partial<LoginArgs> = {}): LoginArgs => ({
  spec: MINIMAL_SPEC,
  env,
  port: 0,
  open: true,
  print: false,
  status: false,
  ...extra,
});

/** A "browser" that follows the authorisation server's redirect to the listener and keeps the page it shows. */
function fetchingBrowser(pages: string[], rewrite: (url: URL) => string = (u) => u.href): LoginDeps['openBrowser'] {
  return async (url) => {
    const res = await fetch(rewrite(new URL(url)));
    pages.push(await res.text());
  };
}

const deps = (openBrowser: LoginDeps['openBrowser'], extra: Partial<LoginDeps> = {}): LoginDeps => ({
  openBrowser,
  ask: async () => {
    throw new Error('must not ask');
  },
  isTty: false,
  ...extra,
});

describe('login', () => {
  it('stores a working refresh token (0600) per environment and client; status shows it, never the token; logout deletes it', async () => {
    const env = await localEnvironmentFile(mock.url);
    const processEnv = config();
    const pages: string[] = [];
    const urls: string[] = [];
    const { io, out, err } = recordingIo();
    const code = await loginCommand(
      args(env.path),
      io,
      processEnv,
      deps(async (url) => {
        urls.push(url);
        await fetchingBrowser(pages)(url);
      }),
    );
    expect(code, err.join('\n')).toBe(0);
    const authorize = new URL(urls[0]!);
    expect(authorize.origin + authorize.pathname).toBe(`${mock.url}/oauth/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: TEST_CLIENT.id,
      code_challenge_method: 'S256',
      scope: neededScopes(spec).join(' '),
    });
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(pages[0]).toContain('Login worked');
    expect(pages[0]).toContain('You can close this tab now.');

    const path = storedTokenPath(env.label, TEST_CLIENT.id, processEnv);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const token = (await readFile(path, 'utf8')).trim();
    await expect(
      refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: token }),
    ).resolves.toHaveProperty('access_token');
    expect([...out, ...err, ...pages].join('\n')).not.toContain(token);
    expect(err.join('\n')).toContain(`the refresh token is stored in ${path} (mode 0600)`);

    const status = recordingIo();
    await loginCommand(
      args(env.path, { status: true }),
      status.io,
      processEnv,
      deps(async () => {}),
    );
    expect(status.out).toContain('staging: no token stored');
    const line = status.out.find((l) => l.startsWith(`${env.label}: `));
    expect(line).toMatch(
      new RegExp(`^${env.label}: client ${TEST_CLIENT.id}: a token is stored, last rotated \\d{4}-\\d\\d-\\d\\dT`),
    );

    const logout = recordingIo();
    await logoutCommand({ env: env.path }, logout.io, processEnv);
    expect(logout.out[0]).toBe(`deleted the stored token for ${env.label}, client ${TEST_CLIENT.id} (${path})`);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a stored login is what `test --env FILE` uses, and the run rotates it in place', async () => {
    const env = await localEnvironmentFile(mock.url);
    const processEnv = config();
    expect(await loginCommand(args(env.path), recordingIo().io, processEnv, deps(fetchingBrowser([])))).toBe(0);
    const path = storedTokenPath(env.label, TEST_CLIENT.id, processEnv);
    const before = (await readFile(path, 'utf8')).trim();
    const output = captureOutput();
    let code: number;
    try {
      code = await testCommand(
        {
          spec: MINIMAL_SPEC,
          env: env.path,
          reporters: 'cli',
          reportDir: join(dir, 'reports'),
          bail: false,
          allowWrites: false,
        },
        output.io,
        processEnv,
      );
    } finally {
      output.restore();
    }
    expect(code, output.text().slice(-1500)).toBe(0);
    const after = (await readFile(path, 'utf8')).trim();
    expect(after).not.toBe(before);
    expect(output.text()).toContain(`the new one is in the login store, ${path}`);
  });

  it('--print puts the refresh token alone on stdout and stores nothing', async () => {
    const env = await localEnvironmentFile(mock.url);
    const processEnv = config();
    const { io, out, err } = recordingIo();
    expect(await loginCommand(args(env.path, { print: true }), io, processEnv, deps(fetchingBrowser([])))).toBe(0);
    expect(out).toHaveLength(1);
    await expect(
      refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: out[0]! }),
    ).resolves.toHaveProperty('access_token');
    expect(err.join('\n')).not.toContain(out[0]!);
    await expect(stat(storedTokenPath(env.label, TEST_CLIENT.id, processEnv))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  const callbackWith = (params: (state: string) => Record<string, string>) =>
    fetchingBrowser([], (url) => {
      const redirect = new URL(url.searchParams.get('redirect_uri')!);
      for (const [k, v] of Object.entries(params(url.searchParams.get('state')!))) redirect.searchParams.set(k, v);
      return redirect.href;
    });

  it.each([
    [
      'Deny (access_denied)',
      (state: string) => ({ error: 'access_denied', state }),
      'LOGIN_DENIED',
      'access was denied in the browser (access_denied); nothing was stored',
    ],
    [
      'another error',
      (state: string) => ({ error: 'invalid_scope', error_description: 'no such scope', state }),
      'LOGIN_FAILED',
      'the authorisation server answered invalid_scope: no such scope',
    ],
  ])('%s: a clear error, nothing stored', async (_name, params, code, message) => {
    const env = await localEnvironmentFile(mock.url);
    const processEnv = config();
    await expect(
      loginCommand(args(env.path), recordingIo().io, processEnv, deps(callbackWith(params))),
    ).rejects.toMatchObject({
      code,
      message: expect.stringContaining(message),
    });
    await expect(stat(storedTokenPath(env.label, TEST_CLIENT.id, processEnv))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  // Issue 18 item 8: only the answer to this login's own request ends it.
  it.each([
    ['a code with a wrong state', { code: 'a-code', state: 'someone-elses-state' }],
    ['access_denied with a wrong state', { error: 'access_denied', state: 'someone-elses-state' }],
    ['access_denied without a state', { error: 'access_denied' }],
  ])('%s is ignored: the login goes on and succeeds with its own answer', async (_name, stray) => {
    const env = await localEnvironmentFile(mock.url);
    const processEnv = config();
    const strayPages: Array<{ status: number; text: string }> = [];
    const browser: LoginDeps['openBrowser'] = async (url) => {
      const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
      for (const [k, v] of Object.entries(stray)) redirect.searchParams.set(k, v);
      const res = await fetch(redirect);
      strayPages.push({ status: res.status, text: await res.text() });
      await fetchingBrowser([])(url);
    };
    const { io } = recordingIo();
    expect(await loginCommand(args(env.path), io, processEnv, deps(browser))).toBe(0);
    expect(strayPages).toEqual([{ status: 400, text: expect.stringContaining('The login goes on') }]);
    const stored = (await readFile(storedTokenPath(env.label, TEST_CLIENT.id, processEnv), 'utf8')).trim();
    await expect(
      refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: stored }),
    ).resolves.toHaveProperty('access_token');
  });

  it('login --env local says that test --env local does not use the stored token', async () => {
    // A copy of the minimal description whose local environment is this test's mock.
    const dir = await mkdtemp(join(tmpdir(), 'pleo-login-local-'));
    const specPath = join(dir, 'minimal.yaml');
    await writeFile(specPath, (await readFile(MINIMAL_SPEC, 'utf8')).replaceAll('http://127.0.0.1:4010', mock.url));
    const { io, err } = recordingIo();
    expect(await loginCommand({ ...args('local'), spec: specPath }, io, config(), deps(fetchingBrowser([])))).toBe(0);
    expect(err.join('\n')).toContain('`pleo-postman test --env local` does not use it');
    expect(err.join('\n')).not.toContain('`pleo-postman test --env local` uses it');
  });

  it('a wrong client secret: the token endpoint says invalid_client, and login says what to check', async () => {
    const env = await localEnvironmentFile(mock.url);
    await expect(
      loginCommand(
        args(env.path),
        recordingIo().io,
        { ...config(), PLEO_CLIENT_SECRET: 'not-the-secret' },
        deps(fetchingBrowser([])),
      ),
    ).rejects.toThrow(/token endpoint answered 401 invalid_client.*check PLEO_CLIENT_ID and PLEO_CLIENT_SECRET/);
  });

  it('times out with a clear message when the browser never comes back', async () => {
    const env = await localEnvironmentFile(mock.url);
    await expect(
      loginCommand(
        args(env.path, { open: false }),
        recordingIo().io,
        config(),
        deps(async () => {}, { timeoutMs: 300 }),
      ),
    ).rejects.toMatchObject({
      code: 'LOGIN_TIMEOUT',
      message: expect.stringContaining('no answer from the browser within'),
    });
  });

  it('--no-open prints the URL and does not open a browser', async () => {
    const env = await localEnvironmentFile(mock.url);
    const { io, err } = recordingIo();
    let opened = false;
    await expect(
      loginCommand(
        args(env.path, { open: false }),
        io,
        config(),
        deps(
          async () => {
            opened = true;
          },
          { timeoutMs: 300 },
        ),
      ),
    ).rejects.toMatchObject({ code: 'LOGIN_TIMEOUT' });
    expect(opened).toBe(false);
    expect(err.join('\n')).toMatch(
      /open this URL in a browser to log in to .*\n {2}http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?/,
    );
  });

  it('a port in use gets its own message', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const env = await localEnvironmentFile(mock.url);
      await expect(
        loginCommand(args(env.path, { port }), recordingIo().io, config(), deps(fetchingBrowser([]))),
      ).rejects.toMatchObject({
        code: 'LOGIN_PORT_IN_USE',
        message: expect.stringContaining(`port ${port} on 127.0.0.1 is already in use`),
      });
    } finally {
      blocker.close();
    }
  });

  it('an unreachable authorisation server gets its own message, before any browser opens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const env = await localEnvironmentFile(`http://127.0.0.1:${port}`);
    let opened = false;
    await expect(
      loginCommand(
        args(env.path),
        recordingIo().io,
        config(),
        deps(async () => {
          opened = true;
        }),
      ),
    ).rejects.toMatchObject({
      code: 'SERVER_UNREACHABLE',
      message: expect.stringContaining(
        `cannot reach the authorisation server at http://127.0.0.1:${port}/oauth/authorize (ECONNREFUSED)`,
      ),
    });
    expect(opened).toBe(false);
  });

  it('without credentials and no terminal, names the variables; on a terminal, asks, the secret without echo', async () => {
    await expect(
      loginCommand(
        args('staging'),
        recordingIo().io,
        config(),
        deps(async () => {}),
      ),
    ).rejects.toThrow('login: missing credentials: set PLEO_CLIENT_ID, PLEO_CLIENT_SECRET in the environment');
    const asked: Array<[string, boolean]> = [];
    const env = await localEnvironmentFile(mock.url);
    const json = JSON.parse(await readFile(env.path, 'utf8')) as { values: Array<{ key: string; value: string }> };
    for (const v of json.values) if (v.key === 'clientId' || v.key === 'clientSecret') v.value = '';
    await writeFile(env.path, JSON.stringify(json));
    const code = await loginCommand(
      args(env.path),
      recordingIo().io,
      config(),
      deps(fetchingBrowser([]), {
        isTty: true,
        ask: async (question, hidden) => {
          asked.push([question, hidden]);
          return hidden ? TEST_CLIENT.secret : TEST_CLIENT.id;
        },
      }),
    );
    expect(code).toBe(0);
    expect(asked).toEqual([
      ['Pleo client ID: ', false],
      ['Pleo client secret (not shown): ', true],
    ]);
  });
});

describe("login at a description's own endpoints", () => {
  it('sends the browser to its authorization path and exchanges the code at its token path', async () => {
    const text = (await readFile(MINIMAL_SPEC, 'utf8')).replace(
      '  tokenName: Pleo access token\n',
      '  tokenName: Pleo access token\n  authorizePath: /connect/authorize\n  tokenPath: /connect/token\n',
    );
    const specPath = join(dir, 'own-endpoints.yaml');
    await writeFile(specPath, text);
    const own = structuredClone(spec);
    own.auth.authorizePath = '/connect/authorize';
    own.auth.tokenPath = '/connect/token';
    const ownMock = await startMock({ spec: own, port: 0, autoApprove: true });
    try {
      const env = await localEnvironmentFile(ownMock.url);
      const urls: string[] = [];
      const { io, err } = recordingIo();
      const code = await loginCommand(
        { ...args(env.path), spec: specPath, print: true },
        io,
        config(),
        deps(async (url) => {
          urls.push(url);
          await fetchingBrowser([])(url);
        }),
      );
      expect(code, err.join('\n')).toBe(0);
      const authorize = new URL(urls[0] ?? '');
      expect(authorize.origin + authorize.pathname).toBe(`${ownMock.url}/connect/authorize`);
      // The token came from /connect/token: the mock serves no token endpoint at /oauth/token.
      expect(err.join('\n')).toContain('logged in: the refresh token is on stdout');
    } finally {
      await ownMock.close();
    }
  });
});
