// @ts-nocheck
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testCommand } from '../../../src/commands/test.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { startMock, TEST_CLIENT } from '../../../src/mock/index.js';
import { runLocalSuite } from '../../../src/run/index.js';
import { locatePostmanCli } from '../../../src/run/runners/postman-cli-bin.js';
import { runLocalSuiteWithPostmanCli } from '../../../src/run/runners/postman-cli-run.js';
import { captureOutput } from '../helpers/output.js';
import { escapeHtml, htmlCards } from '../helpers/html-cards.js';
import { CASES } from '../helpers/contract-breaks.js';
import { startRecordingProxy } from '../helpers/recording-proxy.js';
import { DEFAULT_SPEC, loadDefault, loadMinimal } from '../../helpers/specs.js';

const TIMEOUT = 240_000;

describe('the Postman CLI runs the v3 folder against the local mock', () => {
  let spec: ApiDescription;
  let dir: string | undefined;
  beforeAll(async () => {
    spec = await loadDefault();
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'with 0 failures and at least as many assertions as the Newman run, reports redacted',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'pleo-cli-run-'));
      let console = '';
      const cli = await runLocalSuiteWithPostmanCli({
        spec,
        reporters: ['cli', 'junit', 'html', 'json'],
        reportDir: dir,
        reportName: 'cli',
        onConsole: (text) => (console = text),
      });
      const newman = await runLocalSuite({ spec, reporters: [] });
      expect(cli.failures).toEqual([]);
      expect(cli.ok).toBe(true);
      expect(newman.ok).toBe(true);
      expect(cli.assertions.total).toBeGreaterThanOrEqual(newman.assertions.total);
      expect(cli.assertions.failed).toBe(0);
      expect(console).toContain('Folder Token');
      // offline and never logged in: the CLI says it has no authorization data, so nothing is published
      expect(console).toContain('No authorization data found');
      expect((await readdir(dir)).sort()).toEqual(['cli-junit.xml', 'cli.html', 'cli.json']);
      const junit = await readFile(join(dir, 'cli-junit.xml'), 'utf8');
      expect(junit).toContain(`tests="${cli.assertions.total}" failures="0"`);
      expect(junit).toContain('<testsuite name="Token / Get access token"');
      const json = JSON.parse(await readFile(join(dir, 'cli.json'), 'utf8'));
      expect(json.summary.assertions).toEqual(cli.assertions);
      const html = await readFile(join(dir, 'cli.html'), 'utf8');
      const requestNames = new Set<string>(json.assertions.map((a: { request: string }) => a.request));
      expect(requestNames.size).toBeGreaterThan(20);
      for (const name of requestNames) expect(html, name).toContain(`</span> ${escapeHtml(name)} <span`);
      expect(htmlCards(html)).toEqual({
        assertions: cli.assertions.total,
        passed: cli.assertions.total - cli.assertions.failed - cli.assertions.skipped,
        failed: cli.assertions.failed,
        skipped: cli.assertions.skipped,
      });
      expect(html).toContain(`${cli.requests.total} requests, ${cli.assertions.total} assertions`);
      expect(html).not.toMatch(/<script|<link|https?:\/\/[^"<\s]*\.(css|js)\b/);
      for (const text of [console, junit, JSON.stringify(json), html]) expect(text).not.toContain(TEST_CLIENT.secret);
    },
    TIMEOUT,
  );
});

describe('under the Postman CLI, secrets never reach the console or a report', () => {
  it(
    'with a sentinel client secret and every code and token the authorisation server issued',
    async () => {
      const spec = await loadMinimal();
      const dir = await mkdtemp(join(tmpdir(), 'pleo-cli-secrets-'));
      const SENTINEL = 'SENTINEL-cli-client-secret-7e2a';
      const mock = await startMock({ spec, port: 0, autoApprove: true });
      const proxy = await startRecordingProxy(mock.url, {
        clientSecret: { sentinel: SENTINEL, real: TEST_CLIENT.secret },
      });
      let console = '';
      try {
        const summary = await runLocalSuiteWithPostmanCli({
          spec,
          reporters: ['cli', 'junit', 'html', 'json'],
          reportDir: dir,
          reportName: 'leak',
          envVars: {
            authServerUrl: proxy.url,
            apiBaseUrl: proxy.url,
            redirectUri: `${proxy.url}/callback`,
            clientSecret: SENTINEL,
          },
          onConsole: (text) => (console = text),
        });
        expect(summary.failures).toEqual([]);
        expect(proxy.recorded.grants).toContain('authorization_code');
        expect(proxy.recorded.issued.length).toBeGreaterThan(2);
        const reports = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
        expect((await readdir(dir)).sort()).toEqual(['leak-junit.xml', 'leak.html', 'leak.json']);
        expect(reports).toHaveLength(3);
        for (const secret of [SENTINEL, ...proxy.recorded.issued])
          for (const text of [console, ...reports]) expect(text.includes(secret), secret.slice(0, 6)).toBe(false);
      } finally {
        await proxy.close();
        await mock.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});

describe('under the Postman CLI too, the suite fails when the mock breaks the contract', () => {
  let spec: ApiDescription;
  beforeAll(async () => {
    spec = await loadMinimal();
  });

  it.each(CASES)(
    '%s',
    async (_name, { mock, want }) => {
      const summary = await runLocalSuiteWithPostmanCli({ spec, reporters: [], mock });
      expect(summary.ok).toBe(false);
      expect(summary.failures).toHaveLength(1);
      const [failure] = summary.failures;
      expect({ item: failure!.item, test: failure!.test }).toEqual({ item: want.item, test: want.test });
      if (typeof want.message === 'string') expect(failure!.message).toBe(want.message);
      else expect(failure!.message).toMatch(want.message);
    },
    TIMEOUT,
  );
});

describe('test --runner', () => {
  const args = {
    spec: DEFAULT_SPEC,
    env: 'local',
    reporters: 'cli',
    reportDir: 'reports',
    bail: false,
    allowWrites: false,
  };

  it.each([
    [{ runner: 'jest' }, '--runner: unknown runner "jest"; choose newman or postman-cli'],
    [{ runner: 'postman-cli', env: 'staging' }, '--runner postman-cli runs against the local mock only (--env local)'],
    [
      { runner: 'postman-cli', reporters: 'cli,html,htmlextra' },
      '--reporters: htmlextra is a Newman reporter; with --runner postman-cli use cli, junit, html or json',
    ],
  ])('%o is a clear user error', async (given, message) => {
    const output = captureOutput();
    try {
      await expect(testCommand({ ...args, ...given }, output.io, {})).rejects.toMatchObject({
        name: 'UserError',
        code: 'OPTION_INVALID',
        message: expect.stringContaining(message),
      });
    } finally {
      output.restore();
    }
  });

  it('a missing Postman CLI binary is a clear user error', () => {
    expect(() => locatePostmanCli({ POSTMAN_CLI: '/nonexistent/postman' })).toThrow(
      'POSTMAN_CLI: no file at "/nonexistent/postman"',
    );
    expect(locatePostmanCli({})).toMatch(/pm-bin-[a-z0-9-]+[\\/]bin[\\/]postman(\.exe)?$/);
  });
});
