// @ts-nocheck
import { browserMissing, chromiumLaunchOptions } from '../helpers/browser.js';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment, neededScopes } from '../../src/generate/index.js';
import { storedTokenPath } from '../../src/login/token-store.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { CLI } from '../helpers/cli.js';
import { loadMinimal, MINIMAL_SPEC } from '../helpers/specs.js';

/** Screenshots land in the (git-ignored) reports folder, for a person to look at. */
const SCREENSHOTS = resolve('reports/screenshots');

/** `pleo-postman login --no-open --env FILE --port 0` as a user runs it; resolves the URL it prints. */
function spawnLogin(envFile: string, configDir: string) {
  const child = spawn(
    process.execPath,
    [CLI, 'login', '--no-open', '--spec', MINIMAL_SPEC, '--env', envFile, '--port', '0'],
    {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', PLEO_POSTMAN_CONFIG_DIR: configDir },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  const url = new Promise<string>((resolveUrl, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      const match = /^ {2}(http:\/\/\S+\/oauth\/authorize\?\S+)$/m.exec(stderr);
      if (match) resolveUrl(match[1]!);
    });
    child.on('exit', () => reject(new Error(`login exited before printing a URL: ${stderr}`)));
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

// Under CI a missing browser fails the run (test/browser/consent.int.test.ts says so once); here it skips.
describe.skipIf(browserMissing() !== undefined)('`login` in a real browser (Chromium) against the local mock', () => {
  let browser: Browser;
  let mock: RunningMock;
  let dir: string;
  let envFile: string;
  beforeAll(async () => {
    const spec = await loadMinimal();
    mock = await startMock({ spec, port: 0 }); // no auto-approve: the consent page is shown
    dir = await mkdtemp(join(tmpdir(), 'pleo-browser-login-'));
    const environment = buildEnvironment(spec, 'local', neededScopes(spec));
    for (const v of environment.values) if (v.key === 'authServerUrl' || v.key === 'apiBaseUrl') v.value = mock.url;
    envFile = join(dir, 'local.postman_environment.json');
    await writeFile(envFile, JSON.stringify(environment));
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('Approve: the consent page names the client and scopes, the tab says the login worked, the token is stored 0600', async () => {
    const configDir = join(dir, 'approve');
    const login = spawnLogin(envFile, configDir);
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      await page.goto(await login.url);
      const consent = await page.textContent('body');
      expect(consent).toContain(TEST_CLIENT.name);
      expect(consent).toContain('vendors:read');
      await page.screenshot({ path: join(SCREENSHOTS, 'login-consent.png') });
      await Promise.all([
        page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/),
        page.click('button[value=approve]'),
      ]);
      await expect(page.textContent('h1')).resolves.toBe('Login worked');
      expect(await page.textContent('body')).toContain('You can close this tab now.');
      await page.screenshot({ path: join(SCREENSHOTS, 'login-worked.png') });
      await page.close();
      expect(await login.exited, login.output().stderr).toBe(0);
      const path = storedTokenPath('local', TEST_CLIENT.id, { PLEO_POSTMAN_CONFIG_DIR: configDir });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const token = (await readFile(path, 'utf8')).trim();
      expect(token.length).toBeGreaterThan(20);
      expect(login.output().stdout + login.output().stderr).not.toContain(token);
      expect(login.output().stderr).toContain(`the refresh token is stored in ${path} (mode 0600)`);
    } finally {
      login.child.kill();
    }
  });

  it('Deny: login exits non-zero with the access_denied message and stores nothing', async () => {
    const configDir = join(dir, 'deny');
    const login = spawnLogin(envFile, configDir);
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      await page.goto(await login.url);
      await Promise.all([page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/), page.click('button[value=deny]')]);
      await expect(page.textContent('h1')).resolves.toBe('Access denied');
      await page.screenshot({ path: join(SCREENSHOTS, 'login-denied.png') });
      await page.close();
      expect(await login.exited).toBe(1);
      expect(login.output().stderr).toContain(
        'error: login: access was denied in the browser (access_denied); nothing was stored',
      );
      expect(existsSync(storedTokenPath('local', TEST_CLIENT.id, { PLEO_POSTMAN_CONFIG_DIR: configDir }))).toBe(false);
    } finally {
      login.child.kill();
    }
  });
});
