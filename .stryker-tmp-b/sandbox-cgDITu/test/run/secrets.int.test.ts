// @ts-nocheck
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testCommand } from '../../src/commands/test.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../src/generate/index.js';
import { startMock, TEST_CLIENT } from '../../src/mock/index.js';
import { runSuite, type RunSummary } from '../../src/run/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import { DEFAULT_SPEC, loadDefault } from '../helpers/specs.js';
import { captureOutput } from './helpers/output.js';
import { startRecordingProxy } from './helpers/recording-proxy.js';
import { obtainRefreshToken } from './helpers/tokens.js';

const SENTINEL_SECRET = 'SENTINEL-client-secret-5c1d9e';

/** Every file under a directory, hidden ones too (a staging directory left behind would count). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The text of a report plus every `{type: "Buffer", data: […]}` in it decoded (the json reporter stores bodies so). */
function readableForms(text: string): string[] {
  const decoded: string[] = [];
  if (text.trimStart().startsWith('{')) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as { type?: unknown; data?: unknown };
        if (o.type === 'Buffer' && Array.isArray(o.data))
          decoded.push(Buffer.from(o.data as number[]).toString('utf8'));
        else Object.values(v).forEach(walk);
      }
    };
    walk(JSON.parse(text));
  }
  return [text, ...decoded];
}

async function expectNoSecrets(output: string, reportDir: string, base: string, secrets: readonly string[]) {
  const files = await filesUnder(reportDir);
  expect(files.map((f) => f.slice(reportDir.length + 1)).sort()).toEqual([
    `${base}-htmlextra.html`,
    `${base}-junit.xml`,
    `${base}.html`,
    `${base}.json`,
  ]);
  const haystacks: Array<[string, string]> = [['console output', output]];
  for (const file of files)
    for (const form of readableForms(await readFile(file, 'utf8'))) haystacks.push([file, form]);
  for (const secret of secrets) {
    for (const [where, text] of haystacks)
      expect(text.includes(secret), `a secret (${secret.slice(0, 6)}…) in ${where}`).toBe(false);
  }
}

describe('secrets never reach the console or a report', () => {
  let spec: ApiDescription;
  let dir: string;
  beforeAll(async () => {
    spec = await loadDefault();
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('with CI credentials (client secret, refresh token) through `test --env FILE`', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pleo-secrets-'));
    const mock = await startMock({ spec, port: 0, autoApprove: true });
    const proxy = await startRecordingProxy(mock.url, {
      clientSecret: { sentinel: SENTINEL_SECRET, real: TEST_CLIENT.secret },
    });
    const refreshToken = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
    const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
    for (const v of environment.values) if (v.key === 'authServerUrl' || v.key === 'apiBaseUrl') v.value = proxy.url;
    const envFile = join(dir, 'ci.postman_environment.json');
    await writeFile(envFile, JSON.stringify(environment));
    const output = captureOutput();
    let code: number;
    try {
      code = await testCommand(
        {
          spec: DEFAULT_SPEC,
          env: envFile,
          reporters: 'cli,junit,html,htmlextra,json',
          reportDir: join(dir, 'reports'),
          bail: false,
          allowWrites: false,
          refreshTokenFile: join(dir, 'rt'),
        },
        output.io,
        { PLEO_CLIENT_ID: TEST_CLIENT.id, PLEO_CLIENT_SECRET: SENTINEL_SECRET, PLEO_REFRESH_TOKEN: refreshToken },
      );
    } finally {
      output.restore();
      await proxy.close();
      await mock.close();
    }
    expect(code, output.text().slice(-2000)).toBe(0);
    expect(proxy.recorded.grants[0]).toBe('refresh_token');
    expect(proxy.recorded.issued.length).toBeGreaterThan(4);
    const basic = Buffer.from(`${TEST_CLIENT.id}:${SENTINEL_SECRET}`).toString('base64');
    await expectNoSecrets(output.text(), join(dir, 'reports'), 'pleo-postman-ci', [
      SENTINEL_SECRET,
      basic,
      refreshToken,
      ...proxy.recorded.issued,
    ]);
  });

  it('with the local authorization code flow (client secret, code, tokens)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pleo-secrets-'));
    const mock = await startMock({ spec, port: 0, autoApprove: true });
    const proxy = await startRecordingProxy(mock.url, {
      clientSecret: { sentinel: SENTINEL_SECRET, real: TEST_CLIENT.secret },
    });
    const output = captureOutput();
    let summary: RunSummary;
    try {
      summary = await runSuite({
        collection: buildCollection(spec).collection,
        environment: buildEnvironment(spec, 'local', neededScopes(spec)),
        envVars: {
          authServerUrl: proxy.url,
          apiBaseUrl: proxy.url,
          redirectUri: `${proxy.url}/callback`,
          clientSecret: SENTINEL_SECRET,
        },
        reporters: ['cli', 'junit', 'html', 'htmlextra', 'json'],
        reportDir: join(dir, 'reports'),
        reportName: 'pleo-postman-leak',
      });
    } finally {
      output.restore();
      await proxy.close();
      await mock.close();
    }
    expect(summary.failures).toEqual([]);
    expect(proxy.recorded.grants[0]).toBe('authorization_code');
    await expectNoSecrets(output.text(), join(dir, 'reports'), 'pleo-postman-leak', [
      SENTINEL_SECRET,
      TEST_CLIENT.secret,
      ...proxy.recorded.issued,
    ]);
  });
});
