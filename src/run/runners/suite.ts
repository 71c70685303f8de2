import { withoutNegativeFolder } from '../reporting/negative.js';
import { NEGATIVE_TESTS_VARIABLE } from '../../generate/index.js';
import type { NewmanRunSummary } from 'newman';
import { ERROR_CODES, UserError } from '../../errors.js';
import { executionRecords } from './execution-records.js';
import { runNewman } from './newman-run.js';
import { isScaled, runScaledSuite } from './parallel.js';
import type { SuiteOptions } from './suite-options.js';
import { basicCredentialForms, collectSecrets, redactSummary } from '../reporting/redact.js';
import { discardReports, planReports, publishReports, writeHtmlReport } from '../reporting/reports.js';
import { runEndpointUrls, tokenAndRefreshUrls } from '../tokens/endpoints.js';
import { refreshTokenListener } from '../tokens/rotation.js';
import { harnessTokens } from '../tokens/harness-tokens.js';
export type { SuiteOptions } from './suite-options.js';
import { summariseRun, type RunSummary } from '../reporting/summary.js';
import { withoutWrites } from '../target/writes.js';

type ItemJson = { name?: string; item?: ItemJson[] };

function itemNames(items: readonly ItemJson[]): string[] {
  return items.flatMap((item) => [item.name ?? '', ...itemNames(item.item ?? [])]);
}

function assertFolders(collection: SuiteOptions['collection'], folders: readonly string[]): void {
  const known = new Set(itemNames((collection.item ?? []) as ItemJson[]));
  const unknown = folders.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    const top = ((collection.item ?? []) as ItemJson[]).map((f) => `"${f.name ?? ''}"`).join(', ');
    throw new UserError(
      `--folder: no folder or request named ${unknown.map((f) => `"${f}"`).join(', ')}; the folders are ${top}`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
}

const initialValue = (options: SuiteOptions, key: string): string =>
  options.envVars?.[key] ?? String(options.environment.values?.find((v) => v.key === key)?.value ?? '');

/**
 * Runs a collection as a contract-test suite with Newman and returns its summary as data. Reports
 * are built from a redacted summary and only land in the report dir after a second, textual
 * redaction of every secret the run used or revealed.
 */
export async function runSuite(options: SuiteOptions): Promise<RunSummary> {
  if (isScaled(options)) return runScaledSuite(options, runSuite); // --shard, --parallel: src/run/parallel.ts
  const folders = options.folders ?? [];
  assertFolders(options.collection, folders);
  const kept = options.production ? withoutNegativeFolder(options.collection) : options.collection;
  const { collection, skipped } =
    options.production && !options.allowWrites ? withoutWrites(kept) : { collection: kept, skipped: [] };
  options.onProgress?.("getting the run's tokens…");
  const owned = await harnessTokens(options); // the runner's scripts then send no token request
  const envVars = {
    ...options.envVars,
    ...owned.envVars,
    ...(options.allowWrites ? { allowWrites: 'true' } : {}),
    ...(options.production ? { [NEGATIVE_TESTS_VARIABLE]: 'false' } : {}),
  };
  const reportDir = options.reportDir ?? 'reports';
  const plan = await planReports(
    options.reporters ?? ['cli'],
    reportDir,
    options.reportName ?? 'pleo-postman',
    options.collection.info?.name ?? 'pleo-postman',
  );
  const initialRefreshToken = initialValue(options, 'refreshToken');
  let secrets = new Set<string>();
  let finalRefreshToken = '';
  const records = executionRecords();
  const beforeReports = (summary: NewmanRunSummary) => {
    records.complete(summary); // each item once in JUnit and the HTML report, as in Newman's table
    finalRefreshToken = String(summary.environment?.get('refreshToken') ?? '');
    secrets = collectSecrets(summary, [
      ...(options.secrets ?? []),
      ...Object.entries(envVars)
        .filter(([k]) => /secret|token/i.test(k))
        .map(([, v]) => v),
      initialRefreshToken,
      ...(owned.tokens?.secrets ?? []),
      ...basicCredentialForms(initialValue(options, 'clientId'), initialValue(options, 'clientSecret')),
    ]);
    redactSummary(summary, secrets);
  };
  let summary: NewmanRunSummary;
  try {
    options.onProgress?.('starting Newman…');
    summary = await runNewman(
      {
        collection: collection as never,
        environment: options.environment as never,
        envVar: Object.entries(envVars).map(([key, value]) => ({ key, value })),
        ...(folders.length > 0 ? { folder: [...folders] as never } : {}),
        reporters: plan.reporters,
        reporter: plan.reporter,
        ...(options.bail ? { bail: true } : {}),
        ...(options.timeoutRequestMs ? { timeoutRequest: options.timeoutRequestMs } : {}),
      },
      {
        beforeReports,
        onStart: records.attach,
        ...(options.onRefreshToken
          ? {
              onRequest: refreshTokenListener(
                tokenAndRefreshUrls(runEndpointUrls(options.collection, (key) => initialValue(options, key))),
                options.onRefreshToken,
              ),
            }
          : {}),
      },
    );
  } catch (error) {
    await discardReports(plan);
    throw error;
  }
  await writeHtmlReport(plan, summary, options.collection.info?.name ?? 'pleo-postman');
  const reportFiles = await publishReports(plan, reportDir, secrets);
  if (owned.tokens && finalRefreshToken === '') finalRefreshToken = owned.tokens.refreshToken;
  const rotated = initialRefreshToken !== '' && finalRefreshToken !== '' && finalRefreshToken !== initialRefreshToken;
  return {
    ...summariseRun(summary),
    skippedWrites: skipped,
    reportFiles,
    ...(rotated ? { rotatedRefreshToken: finalRefreshToken } : {}),
  };
}
