import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { makeStaging, releaseStaging } from '../reporting/staging.js';
import { join } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';
import { SECURITY_FOLDER_NAME } from '../../generate/scripts/index.js';
import { requestCount, selectFolders, type CollectionJson, type ItemJson } from './folders.js';
import { mergeJsonReports, mergeJunitReports, mergeSummaries } from '../reporting/merge-reports.js';
import { reportFileName, type ReporterName } from '../reporting/reports.js';
import { runSuitesInThreads, threadable, threadsAvailable } from './runner-threads.js';
import { chainUnits, keepItems } from './request-chains.js';
import { shardCollection } from './shard.js';
import { harnessTokens, type HarnessTokens } from '../tokens/harness-tokens.js';
import type { ScaleOptions, SuiteOptions } from './suite-options.js';
import type { RunSummary } from '../reporting/summary.js';

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
  /** Folders this runner runs only part of: the indices of their items it runs (absent: whole folders). */
  items?: Record<string, number[]>;
}

type Unit = { items: Record<string, number[]>; requests: number; security: boolean };

/**
 * Splits a collection over `runners` by request count (longest first onto the least loaded runner).
 * The unit is a chain of requests tied by captured variables, across folders (`chainUnits`): a folder
 * runs in several runners when its chains are apart, and a Negative case runs beside the chain that
 * captures the id it sends. The whole Security folder goes to one runner, the only one that may
 * refresh (its 403 checks narrow tokens by refreshing). A folder a runner runs all of is named
 * without `items`. Pure.
 */
export function planRunners(
  collection: CollectionJson,
  runners: number,
  provided: ReadonlySet<string> = new Set(),
): RunnerPlan[] {
  const topItems = (collection.item ?? []) as ItemJson[];
  const securityFolder = topItems.find((f) => f.name === SECURITY_FOLDER_NAME);
  const units: Unit[] = [
    ...chainUnits(collection, provided).map((u) => ({ ...u, security: false })),
    ...(securityFolder ? [{ items: {}, requests: (securityFolder.item ?? []).length, security: true }] : []),
  ].sort((a, b) => b.requests - a.requests);
  const plans = Array.from({ length: Math.max(1, Math.min(runners, units.length)) }, () => ({
    security: false,
    requests: 0,
    items: {} as Record<string, number[]>,
  }));
  for (const unit of units) {
    const least = plans.reduce((min, p) => (p.requests < min.requests ? p : min));
    least.security ||= unit.security;
    least.requests += unit.requests;
    for (const [folder, indices] of Object.entries(unit.items)) {
      least.items[folder] = [...(least.items[folder] ?? []), ...indices].sort((a, b) => a - b);
    }
  }
  const order = topItems.map((f) => f.name ?? '');
  const sizeOf = (name: string) => topItems.find((f) => f.name === name)?.item?.length ?? 0;
  return plans
    .map((p): RunnerPlan => {
      const folders = order.filter((name) => p.items[name] !== undefined);
      const partial = Object.entries(p.items).filter(([name, indices]) => indices.length < sizeOf(name));
      return {
        folders,
        security: p.security,
        requests: p.requests,
        ...(partial.length > 0 ? { items: Object.fromEntries(partial) } : {}),
      };
    })
    .filter((p) => p.folders.length > 0 || p.security);
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

/** Runs the planned runners at once, each with only its folders and the shared token. */
async function runRunners(
  options: SuiteOptions,
  collection: CollectionJson,
  plans: RunnerPlan[],
  owned: HarnessTokens,
  staging: string | undefined,
  base: string,
  runOne: RunOne,
  threads: boolean,
): Promise<RunSummary[]> {
  // One line for all runners, here, instead of each runner's own "starting Newman".
  const { onProgress, ...quiet } = options;
  onProgress?.(`starting ${plans.length} Newman runners at once, sharing the run's tokens…`);
  const runners = plans.map(
    (plan, i): SuiteOptions => ({
      ...quiet,
      // The token step's one test runs in the first runner; the tokens are the harness's.
      collection: keepItems(
        selectFolders(collection, new Set(plan.folders), () => plan.security, i === 0),
        new Map(Object.entries(plan.items ?? {}).map(([folder, indices]) => [folder, new Set(indices)])),
      ),
      folders: [],
      envVars: {
        ...options.envVars,
        // Only the Security runner may refresh (when the harness did not get every token): never twice.
        ...(plan.security ? {} : { refreshToken: '' }),
        ...owned.envVars,
      },
      reporters: (options.reporters ?? ['cli']).filter((r) => r !== 'cli'),
      ...(staging ? { reportDir: staging } : {}),
      reportName: `${base}.runner-${i + 1}`,
      secrets: [...(options.secrets ?? []), valueIn(options, 'refreshToken'), ...(owned.tokens?.secrets ?? [])],
    }),
  );
  // Threads of their own when the built worker is there (the CLI): Newman's scripts are CPU work. A
  // refresh token to store the moment it arrives keeps the runners here, where that callback runs at once.
  return threads && threadsAvailable() && threadable(runners)
    ? runSuitesInThreads(runners)
    : Promise.all(runners.map(runOne));
}

/** Merges the runners' JUnit and JSON reports into the report dir; htmlextra stays one file per runner. */
async function publishMerged(
  staging: string,
  reportDir: string,
  base: string,
  reporters: readonly ReporterName[],
  context: { name: string; folders: string[]; wallMs: number },
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
      mergeJunitReports(xml, {
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
  const base = `${options.reportName ?? 'pleo-postman'}${options.shard ? `-shard-${options.shard.index}-of-${options.shard.count}` : ''}`;
  const collection = options.shard
    ? shardCollection(options.collection as CollectionJson, options.shard, providedVariables(options))
    : (options.collection as CollectionJson);
  const { parallel: _p, shard: _s, onRotatedRefreshToken: _o, threads: _t, ...plain } = options;
  const runners = options.parallel ?? 1;
  if (runners === 1 || requestCount(collection) === 0) {
    return runOne({ ...plain, collection: collection as SuiteOptions['collection'], reportName: base });
  }
  const owned = await harnessTokens(options); // once, before any runner starts; each rotation on disk at once
  const reporters = options.reporters ?? ['cli'];
  const reportDir = options.reportDir ?? 'reports';
  const wantsFiles = reporters.some((r) => r !== 'cli');
  if (wantsFiles) await mkdir(reportDir, { recursive: true });
  const staging = wantsFiles ? await makeStaging(reportDir, '.pleo-postman-parallel-') : undefined;
  try {
    const plans = planRunners(collection, runners, providedVariables(options));
    const parts = await runRunners(plain, collection, plans, owned, staging, base, runOne, options.threads === true);
    const wallMs = Date.now() - started;
    const summary = mergeSummaries(parts, wallMs);
    const folders = ((collection.item ?? []) as ItemJson[]).map((f) => f.name ?? '');
    const reportFiles = staging
      ? await publishMerged(staging, reportDir, base, reporters, {
          name: options.collection.info?.name ?? 'pleo-postman',
          folders,
          wallMs,
        })
      : [];
    const initial = valueIn(options, 'refreshToken');
    const rotated = parts.map((p) => p.rotatedRefreshToken).find((t) => t !== undefined) ?? owned.tokens?.refreshToken;
    if (rotated !== undefined && rotated !== (owned.tokens?.refreshToken ?? initial)) {
      await options.onRotatedRefreshToken?.(rotated);
    }
    return {
      ...summary,
      reportFiles,
      ...(rotated !== undefined && rotated !== initial ? { rotatedRefreshToken: rotated } : {}),
    };
  } finally {
    if (staging) await releaseStaging(staging);
  }
}
