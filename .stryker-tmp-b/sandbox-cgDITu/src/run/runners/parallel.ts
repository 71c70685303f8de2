// @ts-nocheck
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';
import { LOCAL_CALLBACK_PATH } from '../../shared/local-pleo.js';
import { SECURITY_FOLDER_NAME } from '../../generate/scripts/index.js';
import { folderUnits, requestCount, selectFolders, type CollectionJson, type ItemJson } from './folders.js';
import { mergeJsonReports, mergeJunitReports, mergeSummaries } from '../reports/merge-reports.js';
import { reportFileName, type ReporterName } from '../reports/reports.js';
import { runSuitesInThreads, threadsAvailable } from './runner-threads.js';
import { shardCollection } from './shard.js';
import { acquireSharedToken, type SharedTokenResult, type TokenEndpointValues } from '../tokens/shared-token.js';
import type { ScaleOptions, SuiteOptions } from './suite-options.js';
import type { RunSummary } from '../reports/summary.js';

/** What `--parallel N` and `--shard I/N` add to a suite run. */
type RunOne = (options: SuiteOptions) => Promise<RunSummary>;

/** True when the options ask for a sharded or parallel run. */
export const isScaled = (options: ScaleOptions): boolean =>
  options.shard !== undefined || options.parallel !== undefined;

/** Throws a UserError unless `--parallel` is a whole number from 1 to 32. */
export type { ScaleOptions } from './suite-options.js';

export function assertParallel(value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > 32) {
    throw new UserError(`--parallel: ${String(value)} is not a whole number from 1 to 32`, ERROR_CODES.OPTION_INVALID);
  }
}

/** One runner's share: folders, and whether it runs the Security folder (and so holds the refresh token). */
export interface RunnerPlan {
  folders: string[];
  security: boolean;
  requests: number;
}

/**
 * Splits a collection over `runners` by request count (longest first onto the least loaded runner):
 * units of folders that share captured variables stay together, and the whole Security folder goes to
 * one runner, the only one that may refresh (its 403 checks narrow tokens by refreshing). Pure.
 */
export function planRunners(
  collection: CollectionJson,
  runners: number,
  provided: ReadonlySet<string> = new Set(),
): RunnerPlan[] {
  const securityFolder = ((collection.item ?? []) as ItemJson[]).find((f) => f.name === SECURITY_FOLDER_NAME);
  const units = [
    ...folderUnits(collection, provided).map((u) => ({ folders: u.folders, requests: u.requests, security: false })),
    ...(securityFolder
      ? [{ folders: [] as string[], requests: (securityFolder.item ?? []).length, security: true }]
      : []),
  ].sort((a, b) => b.requests - a.requests);
  const plans: RunnerPlan[] = Array.from({ length: Math.max(1, Math.min(runners, units.length)) }, () => ({
    folders: [],
    security: false,
    requests: 0,
  }));
  for (const unit of units) {
    const least = plans.reduce((min, p) => (p.requests < min.requests ? p : min));
    least.folders.push(...unit.folders);
    least.security ||= unit.security;
    least.requests += unit.requests;
  }
  return plans.filter((p) => p.folders.length > 0 || p.security);
}

const valueIn = (options: SuiteOptions, key: string): string =>
  options.envVars?.[key] ?? String(options.environment.values?.find((v) => v.key === key)?.value ?? '');

/** Variables the environment (or an `--env-var`) sets to a non-empty value. */
const providedVariables = (options: SuiteOptions): Set<string> =>
  new Set([
    ...(options.environment.values ?? []).filter((v) => String(v.value ?? '') !== '').map((v) => v.key),
    ...Object.entries(options.envVars ?? {})
      .filter(([, v]) => v !== '')
      .map(([k]) => k),
  ]);

const endpointValues = (options: SuiteOptions): TokenEndpointValues => ({
  authServerUrl: valueIn(options, 'authServerUrl'),
  clientId: valueIn(options, 'clientId'),
  clientSecret: valueIn(options, 'clientSecret'),
  refreshToken: valueIn(options, 'refreshToken'),
  // As the collection's token script does: an environment's own redirectUri, else the local mock's callback.
  redirectUri:
    valueIn(options, 'redirectUri') || `${valueIn(options, 'authServerUrl').replace(/\/+$/, '')}${LOCAL_CALLBACK_PATH}`,
  scopes: valueIn(options, 'scopes'),
});

/** An access token the environment already holds and that is still valid: then nobody acquires one. */
function presetToken(options: SuiteOptions): boolean {
  const token = valueIn(options, 'accessToken');
  const expiresAt = Number(valueIn(options, 'accessTokenExpiresAt') || 0);
  return token !== '' && (!expiresAt || Date.now() < expiresAt - 30_000);
}

const TOKEN_TEST: Record<'refresh_token' | 'authorization_code', string> = {
  refresh_token: 'token: refresh_token grant → access token (RFC 6749 §6)',
  authorization_code: 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)',
};

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The shared acquisition as a JUnit testsuite, so the merged report counts it as a sequential run does. */
function tokenTestsuite(token: SharedTokenResult, startedAt: Date): string {
  if (token.kind !== 'acquired') return '';
  const name = TOKEN_TEST[token.grant];
  return `<testsuite name="pleo-postman / shared token" timestamp="${startedAt.toISOString()}" tests="1" failures="0" errors="0" time="0.000">
    <testcase name="${escapeXml(name)}" time="0.000" classname="PleoPostmanSharedToken"/>
  </testsuite>`;
}

/** Runs the planned runners at once, each with only its folders and the shared token. */
async function runRunners(
  options: SuiteOptions,
  collection: CollectionJson,
  plans: RunnerPlan[],
  token: SharedTokenResult,
  staging: string | undefined,
  base: string,
  runOne: RunOne,
  threads: boolean,
): Promise<RunSummary[]> {
  const shared = token.kind === 'acquired' ? token.token : undefined;
  const runners = plans.map(
    (plan, i): SuiteOptions => ({
      ...options,
      collection: selectFolders(collection, new Set(plan.folders), () => plan.security, false), // the token is shared
      folders: [],
      envVars: {
        ...options.envVars,
        ...(shared ? { accessToken: shared.accessToken, accessTokenExpiresAt: shared.expiresAt } : {}),
        // Only the Security runner may refresh: no refresh token is ever sent twice.
        refreshToken: plan.security ? (shared?.refreshToken ?? valueIn(options, 'refreshToken')) : '',
      },
      reporters: (options.reporters ?? ['cli']).filter((r) => r !== 'cli'),
      ...(staging ? { reportDir: staging } : {}),
      reportName: `${base}.runner-${i + 1}`,
      secrets: [...(options.secrets ?? []), valueIn(options, 'refreshToken'), ...(shared ? [shared.refreshToken] : [])],
    }),
  );
  // Threads of their own when the built worker is there (the CLI): Newman's scripts are CPU work.
  return threads && threadsAvailable() ? runSuitesInThreads(runners) : Promise.all(runners.map(runOne));
}

/** Merges the runners' JUnit and JSON reports into the report dir; htmlextra stays one file per runner. */
async function publishMerged(
  staging: string,
  reportDir: string,
  base: string,
  reporters: readonly ReporterName[],
  context: { name: string; folders: string[]; wallMs: number; tokenSuite: string },
): Promise<string[]> {
  const files = (await readdir(staging)).sort();
  const published: string[] = [];
  const write = async (name: string, text: string) => {
    const temp = join(staging, `${name}.merged`);
    await writeFile(temp, text);
    await rename(temp, join(reportDir, name));
    published.push(join(reportDir, name));
  };
  const parts = (suffix: string) => files.filter((f) => f.startsWith(`${base}.runner-`) && f.endsWith(suffix));
  if (reporters.includes('junit')) {
    const xml = await Promise.all(parts('-junit.xml').map((f) => readFile(join(staging, f), 'utf8')));
    await write(
      reportFileName('junit', base),
      mergeJunitReports(context.tokenSuite ? [context.tokenSuite, ...xml] : xml, {
        name: context.name,
        folders: ['pleo-postman', ...context.folders],
        wallMs: context.wallMs,
      }),
    );
  }
  if (reporters.includes('json')) {
    const reports = await Promise.all(
      parts('.json').map(async (f) => JSON.parse(await readFile(join(staging, f), 'utf8')) as object),
    );
    await write(
      reportFileName('json', base),
      `${JSON.stringify(mergeJsonReports(reports, context.folders), null, 2)}\n`,
    );
  }
  if (reporters.includes('htmlextra')) {
    for (const f of parts('.html')) {
      await rename(join(staging, f), join(reportDir, f));
      published.push(join(reportDir, f));
    }
  }
  return published;
}

/**
 * `--shard I/N` and `--parallel N`: runs only the shard's folders, split over N runners at once
 * (newman.run instances in this process), with ONE token acquisition shared by all: acquired here
 * before any runner starts (a rotated refresh token goes to `onRotatedRefreshToken` at once), handed to
 * every runner as `accessToken`, and the refresh token only to the runner of the Security folder, the
 * only one that refreshes. The runners' JUnit and JSON reports are merged into one of each; the summary
 * is one, with the wall time.
 */
export async function runScaledSuite(options: SuiteOptions & ScaleOptions, runOne: RunOne): Promise<RunSummary> {
  assertParallel(options.parallel);
  if ((options.folders ?? []).length > 0) {
    throw new UserError('--folder cannot be combined with --parallel or --shard', ERROR_CODES.OPTION_INVALID);
  }
  const started = Date.now();
  const startedAt = new Date(started);
  const base = `${options.reportName ?? 'pleo-postman'}${options.shard ? `-shard-${options.shard.index}-of-${options.shard.count}` : ''}`;
  const collection = options.shard
    ? shardCollection(options.collection as CollectionJson, options.shard, providedVariables(options))
    : (options.collection as CollectionJson);
  const { parallel: _p, shard: _s, onRotatedRefreshToken: _o, threads: _t, ...plain } = options;
  const runners = options.parallel ?? 1;
  if (runners === 1 || requestCount(collection) === 0) {
    return runOne({ ...plain, collection: collection as SuiteOptions['collection'], reportName: base });
  }
  const token = presetToken(options)
    ? ({ kind: 'none', reason: 'the environment holds a valid access token' } as const)
    : await acquireSharedToken(endpointValues(options), {
        ...(options.onRotatedRefreshToken ? { onRotated: options.onRotatedRefreshToken } : {}),
      });
  const empty = mergeSummaries([], Date.now() - started);
  if (token.kind === 'failed') {
    return { ...empty, ok: false, runError: `shared token acquisition failed: ${token.message}` };
  }
  const reporters = options.reporters ?? ['cli'];
  const reportDir = options.reportDir ?? 'reports';
  const wantsFiles = reporters.some((r) => r !== 'cli');
  if (wantsFiles) await mkdir(reportDir, { recursive: true });
  const staging = wantsFiles ? await mkdtemp(join(reportDir, '.pleo-postman-parallel-')) : undefined;
  try {
    const plans = planRunners(collection, runners, providedVariables(options));
    const parts = await runRunners(plain, collection, plans, token, staging, base, runOne, options.threads === true);
    const wallMs = Date.now() - started;
    const summary = mergeSummaries(parts, wallMs);
    const folders = ((collection.item ?? []) as ItemJson[]).map((f) => f.name ?? '');
    const reportFiles = staging
      ? await publishMerged(staging, reportDir, base, reporters, {
          name: options.collection.info?.name ?? 'pleo-postman',
          folders,
          wallMs,
          tokenSuite: tokenTestsuite(token, startedAt),
        })
      : [];
    const initial = valueIn(options, 'refreshToken');
    const rotated =
      parts.map((p) => p.rotatedRefreshToken).find((t) => t !== undefined) ??
      (token.kind === 'acquired' && token.rotated ? token.token.refreshToken : undefined);
    if (rotated !== undefined && token.kind === 'acquired' && rotated !== token.token.refreshToken) {
      await options.onRotatedRefreshToken?.(rotated);
    }
    return {
      ...summary,
      // The shared acquisition is one assertion, as the collection's own script is in a sequential run.
      assertions: {
        ...summary.assertions,
        total: summary.assertions.total + (token.kind === 'acquired' ? 1 : 0),
        passed: (summary.assertions.passed ?? 0) + (token.kind === 'acquired' ? 1 : 0),
      },
      reportFiles,
      ...(rotated !== undefined && rotated !== initial ? { rotatedRefreshToken: rotated } : {}),
    };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}
