import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCommand } from '../../../src/commands/test.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../../src/mock/index.js';
import { runNewman } from '../../../src/run/runners/newman-run.js';
import { loadMinimal, MINIMAL_SPEC } from '../../helpers/specs.js';
import { captureOutput } from '../helpers/output.js';
import { obtainRefreshToken } from '../helpers/tokens.js';
import { startTokenStandin, type TokenFault, type TokenStandin } from '../helpers/token-standin.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

const TIMEOUT_MS = 1000;

type Row = {
  fault: TokenFault | 'connection refused';
  /** POSTs of the refresh token the run began with. */
  firstTokenPosts: number;
  /** The run passes. */
  passes: boolean;
  /** The token step passes though the run does not. */
  tokenStepPasses?: boolean;
};

// The policy (README, "One policy for every token request"): nothing whose outcome is unknown or that was
// refused is sent again; a 200 that keeps the refresh token (RFC 6749 §6) lets the same one be used again.
const ROWS: Row[] = [
  { fault: 'answers', firstTokenPosts: 1, passes: true },
  { fault: 'resets', firstTokenPosts: 1, passes: false },
  { fault: 'closes', firstTokenPosts: 1, passes: false },
  { fault: 'stalls', firstTokenPosts: 1, passes: false },
  { fault: 'non-json-200', firstTokenPosts: 1, passes: false },
  { fault: '500', firstTokenPosts: 1, passes: false },
  { fault: '400', firstTokenPosts: 1, passes: false },
  // The mock rotated anyway (the stand-in hid the new token): the narrower refresh with the old one is
  // refused as a replay (and the mock revokes the grant, as Pleo does), and nothing is sent after that refusal.
  { fault: 'no-refresh-token-200', firstTokenPosts: 2, passes: false, tokenStepPasses: true },
  { fault: 'resets-first', firstTokenPosts: 1, passes: false },
  { fault: 'connection refused', firstTokenPosts: 0, passes: false },
];

async function standinFor(row: Row): Promise<TokenStandin> {
  const standin = await startTokenStandin(row.fault === 'connection refused' ? 'answers' : row.fault, mock.url);
  if (row.fault === 'connection refused') await standin.close(); // its port is closed now
  return standin;
}

async function environmentFile(dir: string, authServerUrl: string): Promise<string> {
  const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
  for (const v of environment.values) {
    if (v.key === 'authServerUrl') v.value = authServerUrl;
    if (v.key === 'apiBaseUrl') v.value = mock.url;
  }
  const file = join(dir, 'standin.postman_environment.json');
  await writeFile(file, JSON.stringify(environment));
  return file;
}

function expectPolicy(row: Row, standin: TokenStandin, first: string) {
  const counts = standin.perRefreshToken();
  expect(counts.get(first) ?? 0, 'POSTs of the first refresh token').toBe(row.firstTokenPosts);
  for (const [token, n] of counts) if (token !== first) expect(n, 'POSTs of a rotated refresh token').toBe(1);
  expect(standin.emptyBodies(), 'token POSTs without a body').toBe(0);
}

describe.each(['newman', 'postman-cli'] as const)(
  'test --runner %s --env FILE against a misbehaving token endpoint',
  (runner) => {
    it.each(ROWS)(
      '$fault: POSTs per refresh token as the policy says, none empty, the newest token on disk',
      async (row) => {
        const dir = await mkdtemp(join(tmpdir(), 'pleo-token-faults-'));
        const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
        const standin = await standinFor(row);
        const refreshTokenFile = join(dir, 'refresh-token');
        await writeFile(refreshTokenFile, `${first}\n`, { mode: 0o600 });
        const output = captureOutput();
        let code: number;
        try {
          code = await testCommand(
            {
              spec: MINIMAL_SPEC,
              env: await environmentFile(dir, standin.url),
              reporters: 'cli',
              reportDir: join(dir, 'reports'),
              bail: false,
              allowWrites: false,
              refreshTokenFile,
              timeoutRequest: TIMEOUT_MS,
              runner,
            },
            output.io,
            { PLEO_CLIENT_ID: TEST_CLIENT.id, PLEO_CLIENT_SECRET: TEST_CLIENT.secret },
          );
        } finally {
          output.restore();
          await standin.close();
        }
        const text = output.text();
        expectPolicy(row, standin, first);
        expect((await readFile(refreshTokenFile, 'utf8')).trim(), 'the token file').toBe(
          standin.issued.at(-1) ?? first,
        );
        expect(code, text).toBe(row.passes ? 0 : 1);
        if (!row.passes && !row.tokenStepPasses) expect(text).toMatch(/the token step failed: /);
      },
      60_000,
    );
  },
);

describe('plain newman run (the collection gets its own tokens) against a misbehaving token endpoint', () => {
  it.each(ROWS)(
    '$fault: POSTs per refresh token as the policy says, none empty',
    async (row) => {
      const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
      const standin = await standinFor(row);
      const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
      const values: Record<string, string> = {
        authServerUrl: standin.url,
        apiBaseUrl: mock.url,
        clientId: TEST_CLIENT.id,
        clientSecret: TEST_CLIENT.secret,
        refreshToken: first,
      };
      for (const v of environment.values) if (v.key in values) v.value = values[v.key]!;
      let summary: Awaited<ReturnType<typeof runNewman>>;
      try {
        summary = await runNewman({
          collection: buildCollection(spec).collection as never,
          environment: environment as never,
          reporters: [],
          timeoutRequest: TIMEOUT_MS,
        });
      } finally {
        await standin.close();
      }
      expectPolicy(row, standin, first);
      expect(String(summary.environment.get('refreshToken')), 'the rotated refresh token').toBe(
        standin.issued.at(-1) ?? first,
      );
      expect(summary.run.failures.length === 0, JSON.stringify(summary.run.failures.map((f) => f.error?.message))).toBe(
        row.passes,
      );
      // One acquisition per run: the token step fails once; the requests that need a token are not sent.
      expect(summary.run.failures.filter((f) => /^token: /.test(String(f.error?.test))).length).toBe(
        row.passes || row.tokenStepPasses ? 0 : 1,
      );
    },
    60_000,
  );
});
