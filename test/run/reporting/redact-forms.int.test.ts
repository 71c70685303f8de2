import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { runSuite } from '../../../src/run/index.js';
import { loadMinimal } from '../../helpers/specs.js';
import { captureOutput } from '../helpers/output.js';
import { obtainRefreshToken, refreshOrExchange } from '../helpers/tokens.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

const rfcForm = (s: string) =>
  encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

// Issue 18 item 9: a refresh token with characters that form-encoding changes never reaches a report
// or the console, in any form. The environment holds a valid access token, so the harness gets nothing
// and the collection's own Security narrowings send this refresh token, form-encoded, in their bodies.
describe("a refresh token with ! ' ( ) * in every report and console line", () => {
  it('appears in none of its forms', async () => {
    const token = "rt!sentinel'(x)*y z";
    const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
    const { access_token } = await refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: first });
    const reportDir = await mkdtemp(join(tmpdir(), 'pleo-redact-forms-'));
    const output = captureOutput();
    try {
      await runSuite({
        collection: buildCollection(spec).collection,
        environment: buildEnvironment(spec, 'local', neededScopes(spec)),
        envVars: { authServerUrl: mock.url, apiBaseUrl: mock.url, accessToken: access_token, refreshToken: token },
        reporters: ['cli', 'junit', 'json', 'html', 'htmlextra'],
        reportDir,
      });
    } finally {
      output.restore();
    }
    const forms = [
      token,
      encodeURIComponent(token),
      rfcForm(token),
      new URLSearchParams({ t: token }).toString().slice(2),
      JSON.stringify(token).slice(1, -1),
    ];
    const files = await readdir(reportDir);
    expect(files.length).toBeGreaterThanOrEqual(4);
    const texts = [output.text(), ...(await Promise.all(files.map((f) => readFile(join(reportDir, f), 'utf8'))))];
    // the narrowing requests really carried it (and were redacted): the raw body shows [redacted]
    expect(
      texts.some((t) => t.includes('refresh_token=[redacted]') || t.includes('refresh_token=%5Bredacted%5D')),
    ).toBe(true);
    for (const form of forms) for (const text of texts) expect(text.includes(form), form).toBe(false);
  }, 90_000);
});
