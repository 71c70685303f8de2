import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCommand } from '../../../src/commands/test.js';
import { buildEnvironment, NEGATIVE_TESTS_VARIABLE, neededScopes } from '../../../src/generate/index.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../../src/mock/index.js';
import { formatTokenStepFailure, tokenStepFailure } from '../../../src/run/tokens/token-step.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { loadMinimal, MINIMAL_SPEC } from '../../helpers/specs.js';
import { captureOutput } from '../helpers/output.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

/**
 * `test --env FILE` with the token endpoint on a closed port and the API at the mock; FILE is the local
 * environment (which sets negativeTests), or without negativeTests, as a staging-like file has it.
 */
async function runWithUnreachableTokenEndpoint(refreshToken?: string, negativeTests = true) {
  const dir = await mkdtemp(join(tmpdir(), 'pleo-token-step-'));
  const environment = buildEnvironment(spec, 'local', neededScopes(spec));
  if (!negativeTests) environment.values = environment.values.filter((v) => v.key !== NEGATIVE_TESTS_VARIABLE);
  for (const v of environment.values) {
    if (v.key === 'authServerUrl') v.value = 'http://127.0.0.1:1';
    if (v.key === 'apiBaseUrl') v.value = mock.url;
  }
  const file = join(dir, 'unreachable.postman_environment.json');
  await writeFile(file, JSON.stringify(environment));
  // A refresh token needs a place for its rotation (issue 10): the file it comes from.
  const refreshTokenFile = join(dir, 'refresh-token');
  if (refreshToken) await writeFile(refreshTokenFile, refreshToken, { mode: 0o600 });
  const output = captureOutput();
  let code: number;
  try {
    code = await testCommand(
      {
        spec: MINIMAL_SPEC,
        env: file,
        reporters: 'cli',
        reportDir: dir,
        bail: false,
        allowWrites: false,
        ...(refreshToken ? { refreshTokenFile } : {}),
      },
      output.io,
      {
        PLEO_CLIENT_ID: TEST_CLIENT.id,
        PLEO_CLIENT_SECRET: TEST_CLIENT.secret,
      },
    );
  } finally {
    output.restore();
  }
  return { code, text: output.text(), dir };
}

describe('a token step that fails', () => {
  it.each([
    // The six requests of the minimal description that need a token, the Security folder's 403 probe of
    // vendors:write (a write, so a second one: one a set of scopes) and its five negative cases; the
    // harness made the token requests.
    [
      'refresh_token grant',
      'rt-unreachable',
      'token endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED), tried 3 times; nothing reached the token endpoint: check authServerUrl and the network; the refresh token is unspent',
      12,
    ],
    [
      'authorization code flow',
      undefined,
      'authorization endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED)',
      12,
    ],
  ] as const)(
    'issue 8 item 3 (%s): the reason is named, the requests are not sent, and test says so in its last lines',
    async (_name, refreshToken, what, held) => {
      const { code, text } = await runWithUnreachableTokenEndpoint(refreshToken);
      expect(code).toBe(1);
      expect(text).not.toContain('unreachable: undefined');
      expect(text).not.toContain('PostmanResponse');
      expect(text).not.toContain('to have status code');
      const lines = text.trimEnd().split('\n');
      expect(lines.at(-3)).toBe(`the token step failed: ${what}`);
      expect(lines.at(-2)).toBe(
        `  ${held} requests that need a token were not sent (each is one skipped test, "token: not sent, the token step failed"); no token request was made after the failure`,
      );
      expect(lines.at(-1)).toMatch(/^pleo-postman test: .*: FAILED$/);
      // the Security folder's checks without a token still ran and passed
      expect(text).toContain('✓  Vendors: GET /v1/vendors/{vendorId} without a token → 401');
    },
    60_000,
  );

  // Issue 23: a negative case its own guard skips (FILE without negativeTests) would not have gone
  // out with a token either: it is not among the requests "not sent".
  it('counts only the requests that would have gone out: not the negative cases of a FILE without negativeTests', async () => {
    const { code, text } = await runWithUnreachableTokenEndpoint('rt-unreachable', false);
    expect(code).toBe(1);
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(
      '  7 requests that need a token were not sent (each is one skipped test, "token: not sent, the token step failed"); no token request was made after the failure',
    );
    expect(text.match(/token: not sent, the token step failed/g)).toHaveLength(7 + 1);
  }, 60_000);
});

describe('tokenStepFailure', () => {
  it("issue 8 item 3: finds the first token failure; the requests held back are the run's count", () => {
    const failures = [
      { item: 'a', test: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:1' },
      {
        item: 'a',
        test: 'token: refresh_token grant → access token (RFC 6749 §6)',
        message: 'token endpoint answered 400 invalid_grant; request not sent',
      },
      {
        item: 'b',
        test: 'token: not sent, the token step failed',
        message: 'token endpoint answered 400 invalid_grant; request not sent',
      },
    ];
    const failure = tokenStepFailure(failures, 2);
    expect(failure).toEqual({ reason: 'token endpoint answered 400 invalid_grant', notSent: 2 });
    expect(formatTokenStepFailure(failure!)[0]).toBe(
      'the token step failed: token endpoint answered 400 invalid_grant',
    );
    expect(tokenStepFailure([{ item: 'a', test: 'GET /x → 200', message: 'no' }])).toBeUndefined();
  });
});
