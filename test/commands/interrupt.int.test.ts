import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../src/description/index.js';
import { buildEnvironment, neededScopes } from '../../src/generate/index.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal, MINIMAL_SPEC } from '../helpers/specs.js';
import { startTokenStandin } from '../run/helpers/token-standin.js';
import { obtainRefreshToken } from '../run/helpers/tokens.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

// Issue 18 items 5 and 10: Ctrl-C and SIGTERM while the token's answer is on its way: the run waits for it,
// writes the rotation, releases the lock, leaves no staging folder, says so in one line, exits 130/143.
describe.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('test interrupted by %s while the token request is in flight', (signal, exitCode) => {
  it(`waits for the rotation, cleans up and exits ${exitCode}`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pleo-interrupt-'));
    const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
    let child: ReturnType<typeof spawn> | undefined;
    const standin = await startTokenStandin('answers', mock.url, {
      beforeAnswer: async (nth) => {
        if (nth !== 1) return;
        child?.kill(signal); // the request has arrived; its answer comes 400 ms later
        await new Promise((resolve) => setTimeout(resolve, 400));
      },
    });
    const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
    for (const v of environment.values) {
      if (v.key === 'authServerUrl') v.value = standin.url;
      if (v.key === 'apiBaseUrl') v.value = mock.url;
    }
    const envFile = join(dir, 'standin.postman_environment.json');
    await writeFile(envFile, JSON.stringify(environment));
    const tokenFile = join(dir, 'refresh-token');
    await writeFile(tokenFile, `${first}\n`, { mode: 0o600 });
    const reportDir = join(dir, 'reports');
    try {
      child = spawn(
        process.execPath,
        [
          'dist/cli.js',
          'test',
          '--spec',
          MINIMAL_SPEC,
          '--env',
          envFile,
          '--refresh-token-file',
          tokenFile,
          '--reporters',
          'cli,junit',
          '--report-dir',
          reportDir,
        ],
        {
          env: { ...process.env, PLEO_CLIENT_ID: TEST_CLIENT.id, PLEO_CLIENT_SECRET: TEST_CLIENT.secret },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.stdout?.resume();
      const code = await new Promise<number | null>((resolve) => child!.on('close', (c) => resolve(c)));
      expect(code, stderr).toBe(exitCode);
      expect(standin.issued).toHaveLength(1);
      expect((await readFile(tokenFile, 'utf8')).trim()).toBe(standin.issued[0]);
      expect(existsSync(`${tokenFile}.lock`)).toBe(false);
      const left = existsSync(reportDir) ? await readdir(reportDir) : [];
      expect(left.filter((f) => f.startsWith('.pleo-postman-'))).toEqual([]);
      expect(stderr.trimEnd().split('\n').at(-1)).toBe(
        `pleo-postman test: interrupted by ${signal}; the newest refresh token is in ${tokenFile}`,
      );
      // Nothing was sent after the interruption: no narrower refresh.
      expect(standin.posts).toHaveLength(1);
    } finally {
      await standin.close();
    }
  }, 60_000);
});

describe('test interrupted by SIGINT while the runner runs', () => {
  it('releases the lock, leaves no report staging folder, keeps the newest token and exits 130', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pleo-interrupt-'));
    const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
    let child: ReturnType<typeof spawn> | undefined;
    let interrupted = false;
    const standin = await startTokenStandin('answers', mock.url, {
      beforeForward: async () => {
        if (interrupted) return;
        interrupted = true;
        child?.kill('SIGINT'); // the first API request: the runner and its report staging are under way
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    });
    const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
    for (const v of environment.values) if (v.key === 'authServerUrl' || v.key === 'apiBaseUrl') v.value = standin.url;
    const envFile = join(dir, 'standin.postman_environment.json');
    await writeFile(envFile, JSON.stringify(environment));
    const tokenFile = join(dir, 'refresh-token');
    await writeFile(tokenFile, `${first}\n`, { mode: 0o600 });
    const reportDir = join(dir, 'reports');
    try {
      child = spawn(
        process.execPath,
        [
          'dist/cli.js',
          'test',
          '--spec',
          MINIMAL_SPEC,
          '--env',
          envFile,
          '--refresh-token-file',
          tokenFile,
          '--reporters',
          'cli,junit,json',
          '--report-dir',
          reportDir,
        ],
        {
          env: { ...process.env, PLEO_CLIENT_ID: TEST_CLIENT.id, PLEO_CLIENT_SECRET: TEST_CLIENT.secret },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.stdout?.resume();
      const code = await new Promise<number | null>((resolve) => child!.on('close', (c) => resolve(c)));
      expect(interrupted, stderr).toBe(true);
      expect(code, stderr).toBe(130);
      expect((await readFile(tokenFile, 'utf8')).trim()).toBe(standin.issued.at(-1));
      expect(existsSync(`${tokenFile}.lock`)).toBe(false);
      expect((await readdir(reportDir)).filter((f) => f.startsWith('.pleo-postman-'))).toEqual([]);
      expect(stderr.trimEnd().split('\n').at(-1)).toBe(
        `pleo-postman test: interrupted by SIGINT; the newest refresh token is in ${tokenFile}`,
      );
    } finally {
      await standin.close();
    }
  }, 60_000);
});
