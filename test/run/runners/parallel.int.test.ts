import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCommand, type TestArgs } from '../../../src/commands/test.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, type MockOptions, type RunningMock } from '../../../src/mock/index.js';
import { runLocalSuite, runSuite, type Failure, type RunSummary } from '../../../src/run/index.js';
import { loadMinimal, MINIMAL_SPEC } from '../../helpers/specs.js';
import { captureOutput } from '../helpers/output.js';
import { startRecordingProxy } from '../helpers/recording-proxy.js';
import { obtainRefreshToken, refreshOrExchange } from '../helpers/tokens.js';

let spec: ApiDescription;
let dir: string;
beforeAll(async () => {
  spec = await loadMinimal();
  dir = await mkdtemp(join(tmpdir(), 'pleo-parallel-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The deliberately broken mock of test/run/contract-breaks.test.ts, three breaks at once, in three folders. */
const BROKEN: Pick<MockOptions, 'tamper' | 'enforceScopes'> = {
  tamper: (ctx) => {
    if (ctx.status >= 300) return undefined;
    if (ctx.request.name === 'Get vendor') {
      const body = structuredClone(ctx.body) as { data: Record<string, unknown> };
      body.data.name = 42;
      return { status: ctx.status, body };
    }
    if (ctx.request.name === 'Introspect token') return { status: 202, body: ctx.body };
    return undefined;
  },
  enforceScopes: (request) => request.name !== 'Get employee',
};

type Outcomes = Map<string, 'passed' | 'failed'>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

type Junit = {
  testsuites: {
    name: string;
    tests: string;
    failures?: string;
    testsuite: Array<{
      name: string;
      tests: string;
      failures: string;
      testcase: Array<{ name: string; failure?: unknown }>;
    }>;
  };
};

/** Checks a JUnit file is well-formed XML and returns it parsed. */
async function readJunit(path: string): Promise<Junit> {
  const xml = await readFile(path, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Junit;
}

/** Every assertion of JUnit reports by request and name, passed or failed; the token acquisition apart. */
function outcomes(reports: Junit[]): Outcomes {
  const out: Outcomes = new Map();
  for (const report of reports) {
    for (const suite of report.testsuites.testsuite) {
      for (const test of suite.testcase ?? []) {
        if (test.name.startsWith('token: ')) continue;
        const key = `${suite.name} :: ${test.name}`;
        expect(out.has(key), `${key} reported twice`).toBe(false);
        out.set(key, test.failure === undefined ? 'passed' : 'failed');
      }
    }
  }
  return out;
}

const failureSet = (summaries: RunSummary[]): string[] =>
  summaries
    .flatMap((s) => s.failures)
    .map((f: Failure) => `${f.item} :: ${f.test} :: ${f.message}`)
    .sort();

async function broken(extra: Parameters<typeof runLocalSuite>[0] extends infer O ? Partial<O> : never, name: string) {
  const reportDir = join(dir, name);
  const summary = await runLocalSuite({ spec, reporters: ['junit', 'json'], reportDir, mock: BROKEN, ...extra });
  return { summary, reportDir };
}

describe('--parallel and --shard against the deliberately broken mock', () => {
  let sequential: Awaited<ReturnType<typeof broken>>;
  let sequentialOutcomes: Outcomes;
  beforeAll(async () => {
    sequential = await broken({}, 'sequential');
    sequentialOutcomes = outcomes([await readJunit(join(sequential.reportDir, 'pleo-postman-junit.xml'))]);
  });

  it('the sequential run fails exactly the three broken assertions', () => {
    expect(sequential.summary.ok).toBe(false);
    expect(failureSet([sequential.summary])).toEqual([
      'Employees: token without users:read → 403 :: Employees: GET /v2/employees/{employeeId} with a token lacking users:read → 403 (RFC 6750 §3.1 insufficient_scope) :: expected response to have status code 403 but got 200',
      'Get vendor :: GET /v1/vendors/{vendorId} → body matches VendorResponse :: body does not match VendorResponse: $.data.name: must be string (type)',
      'Introspect token :: GET /v1/introspect → 200 :: expected response to have status code 200 but got 202',
    ]);
    expect([...sequentialOutcomes.values()].filter((o) => o === 'passed').length).toBeGreaterThan(20);
  });

  it.each([2, 3, 8])('--parallel %d passes and fails the same assertions, in one valid merged JUnit', async (n) => {
    const { summary, reportDir } = await broken({ parallel: n }, `parallel-${n}`);
    expect(summary.ok).toBe(false);
    expect(failureSet([summary])).toEqual(failureSet([sequential.summary]));
    expect(summary.assertions.total).toBe(sequential.summary.assertions.total);
    expect(summary.assertions.failed).toBe(sequential.summary.assertions.failed);
    expect(summary.reportFiles.sort()).toEqual(
      [join(reportDir, 'pleo-postman-junit.xml'), join(reportDir, 'pleo-postman.json')].sort(),
    );
    const junit = await readJunit(join(reportDir, 'pleo-postman-junit.xml'));
    expect(outcomes([junit])).toEqual(sequentialOutcomes);
    const cases = junit.testsuites.testsuite.flatMap((s) => s.testcase ?? []);
    expect(Number(junit.testsuites.tests)).toBe(cases.length);
    expect(Number(junit.testsuites.failures)).toBe(cases.filter((c) => c.failure !== undefined).length);
    // Folder and request names are kept, and requests come in the collection's folder order.
    const folders = junit.testsuites.testsuite.map((s) => s.name.split(' / ')[0]);
    expect([...new Set(folders)]).toEqual(['Token', 'Vendors', 'Employees', 'Introspect', 'Negative', 'Security']);
    const json = JSON.parse(await readFile(join(reportDir, 'pleo-postman.json'), 'utf8')) as {
      collection: { item: Array<{ name: string }> };
      run: {
        stats: { assertions: { failed: number } };
        failures: unknown[];
        executions: Array<{ item: { name: string } }>;
      };
    };
    expect(json.collection.item.map((f) => f.name)).toEqual([
      'Token',
      'Vendors',
      'Employees',
      'Introspect',
      'Negative',
      'Security',
    ]);
    expect(json.run.failures).toHaveLength(3);
    expect(json.run.stats.assertions.failed).toBe(3);
    expect(json.run.executions.map((e) => e.item.name)).toContain('Get vendor');
  });

  it('--shard 1/2 and 2/2 together pass and fail the same assertions, each folder once', async () => {
    const shards = [
      await broken({ shard: { index: 1, count: 2 } }, 'shards'),
      await broken({ shard: { index: 2, count: 2 } }, 'shards'),
    ];
    expect(failureSet(shards.map((s) => s.summary))).toEqual(failureSet([sequential.summary]));
    const reports = await Promise.all(
      [1, 2].map((i) => readJunit(join(dir, 'shards', `pleo-postman-shard-${i}-of-2-junit.xml`))),
    );
    expect(outcomes(reports)).toEqual(sequentialOutcomes);
  });

  it('--shard 2/3 with --parallel 2 runs its shard only, split over two runners', async () => {
    const all = await Promise.all(
      [1, 2, 3].map((index) => broken({ shard: { index, count: 3 }, parallel: 2 }, `shard-parallel-${index}`)),
    );
    expect(failureSet(all.map((s) => s.summary))).toEqual(failureSet([sequential.summary]));
  });
});

describe('one token acquisition shared by every runner', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ spec, port: 0, autoApprove: true });
  });
  afterAll(async () => {
    await mock.close();
  });

  it('local: one Authorization Code exchange for all runners, and the narrowing refreshes each with a new token', async () => {
    const proxy = await startRecordingProxy(mock.url);
    try {
      const summary = await runSuite({
        collection: buildCollection(spec).collection,
        environment: buildEnvironment(spec, 'local', neededScopes(spec)),
        envVars: { authServerUrl: proxy.url, apiBaseUrl: proxy.url, redirectUri: `${proxy.url}/callback` },
        reporters: [],
        parallel: 3,
      });
      expect(summary.failures).toEqual([]);
      const { grants, refreshTokensSent, issued } = proxy.recorded;
      expect(grants.filter((g) => g === 'authorization_code')).toHaveLength(1);
      expect(grants.filter((g) => g === 'refresh_token')).toHaveLength(3);
      expect(new Set(refreshTokensSent).size).toBe(refreshTokensSent.length);
      for (const token of refreshTokensSent) expect(issued).toContain(token);
    } finally {
      await proxy.close();
    }
  });

  it('CI: refreshes once before any request, stores the rotation at once, never sends a refresh token twice', async () => {
    const proxy = await startRecordingProxy(mock.url);
    try {
      const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
      const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
      const stored: Array<{ token: string; apiCallsBefore: number }> = [];
      const summary = await runSuite({
        collection: buildCollection(spec).collection,
        environment,
        envVars: {
          authServerUrl: proxy.url,
          apiBaseUrl: proxy.url,
          clientId: 'pleo-postman-local',
          clientSecret: 'local-mock-secret',
          refreshToken: first,
        },
        reporters: [],
        parallel: 3,
        onRefreshToken: (token) => {
          stored.push({ token, apiCallsBefore: proxy.recorded.apiCalls.length });
        },
      });
      expect(summary.failures).toEqual([]);
      const { grants, refreshTokensSent, issued } = proxy.recorded;
      expect(grants).toEqual(['refresh_token', 'refresh_token', 'refresh_token', 'refresh_token']); // shared + three narrowings (one a set of scopes)
      expect(refreshTokensSent[0]).toBe(first);
      expect(new Set(refreshTokensSent).size).toBe(4);
      // Issue 18 item 3: the harness made every token request, each rotation stored before any API request.
      expect(stored).toEqual([
        { token: refreshTokensSent[1], apiCallsBefore: 0 },
        { token: refreshTokensSent[2], apiCallsBefore: 0 },
        { token: refreshTokensSent[3], apiCallsBefore: 0 },
        { token: issued.at(-1), apiCallsBefore: 0 },
      ]);
      expect(summary.rotatedRefreshToken).toBe(stored[3]!.token);
      await expect(
        refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: stored[3]!.token }),
      ).resolves.toHaveProperty('access_token');
    } finally {
      await proxy.close();
    }
  });

  it('a refused refresh token is sent once; the token step fails once and only the 401 checks reach the API', async () => {
    const proxy = await startRecordingProxy(mock.url);
    try {
      const summary = await runSuite({
        collection: buildCollection(spec).collection,
        environment: buildEnvironment(spec, 'staging', neededScopes(spec)),
        envVars: {
          authServerUrl: proxy.url,
          apiBaseUrl: proxy.url,
          clientId: 'pleo-postman-local',
          clientSecret: 'local-mock-secret',
          refreshToken: 'not-a-refresh-token',
        },
        reporters: [],
        parallel: 2,
      });
      expect(summary.ok).toBe(false);
      const token = summary.failures.filter((f) => f.test.startsWith('token: '));
      expect(token).toHaveLength(1);
      expect(token[0]!.message).toMatch(/^token endpoint answered 400 invalid_grant/);
      expect(summary.notSent).toBe(7); // the seven requests that need a token, the write probe of vendors:write among them (the negative cases would not run here)
      expect(proxy.recorded.refreshTokensSent).toEqual(['not-a-refresh-token']);
      expect(proxy.recorded.apiCalls.every((c) => c.startsWith('GET '))).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('`test --parallel` keeps the final refresh token in --refresh-token-file (0600), written once per rotation', async () => {
    const envFile = join(dir, 'staging-like.postman_environment.json');
    const environment = buildEnvironment(spec, 'staging', neededScopes(spec));
    for (const v of environment.values) if (v.key === 'authServerUrl' || v.key === 'apiBaseUrl') v.value = mock.url;
    await writeFile(envFile, JSON.stringify(environment));
    const tokenFile = join(dir, 'refresh-token');
    const first = await obtainRefreshToken(mock.url, neededScopes(spec).join(' '));
    const output = captureOutput();
    let code: number;
    try {
      const args: TestArgs = {
        spec: MINIMAL_SPEC,
        env: envFile,
        reporters: 'cli',
        reportDir: join(dir, 'cli-reports'),
        bail: false,
        allowWrites: false,
        refreshTokenFile: tokenFile,
        parallel: 2,
      };
      code = await testCommand(args, output.io, {
        PLEO_CLIENT_ID: 'pleo-postman-local',
        PLEO_CLIENT_SECRET: 'local-mock-secret',
        PLEO_REFRESH_TOKEN: first,
      });
    } finally {
      output.restore();
    }
    expect(code, output.text().slice(-1500)).toBe(0);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const kept = (await readFile(tokenFile, 'utf8')).trim();
    expect(kept).not.toBe(first);
    expect(output.text()).not.toContain(kept);
    expect(output.text().match(/pleo-postman test: /g)).toHaveLength(1);
    await expect(
      refreshOrExchange(mock.url, { grant_type: 'refresh_token', refresh_token: kept }),
    ).resolves.toHaveProperty('access_token');
  });
});

describe('options', () => {
  it.each([0, -1, 1.5, 33])('--parallel %d → UserError', async (n) => {
    await expect(runLocalSuite({ spec, reporters: [], parallel: n })).rejects.toThrow(
      `--parallel: ${n} is not a whole number from 1 to 32`,
    );
  });

  it('--folder with --parallel → UserError', async () => {
    await expect(runLocalSuite({ spec, reporters: [], parallel: 2, folders: ['Vendors'] })).rejects.toThrow(
      '--folder cannot be combined with --parallel or --shard',
    );
  });
});
