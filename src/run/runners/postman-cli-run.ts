import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';
import { tokenPathsOf } from '../../description/index.js';
import {
  buildCollection,
  buildCollectionModel,
  buildEnvironment,
  neededScopes,
  v3CollectionDir,
  writeV3,
  writeV3Environment,
  NEGATIVE_FOLDER_NAME,
  NEGATIVE_TESTS_VARIABLE,
  type CollectionModel,
} from '../../generate/index.js';
import { TOKEN_FOLDER_NAME } from '../../generate/scripts/token-item.js';
import { startMock, TEST_CLIENT } from '../../mock/index.js';
import { cliHtmlReportData } from '../reporting/cli-html-data.js';
import { jsonReport, junitReport } from '../reporting/cli-reports.js';
import { renderHtmlReport } from '../reporting/html-report.js';
import { countNegativeCases } from '../reporting/negative.js';
import type { LocalSuiteOptions } from './local.js';
import { localOverrides } from './local.js';
import { locatePostmanCli } from './postman-cli-bin.js';
import { parseCliRun, withoutLoginNotice } from './postman-cli-output.js';
import { basicCredentialForms, redactText } from '../reporting/redact.js';
import { makeStaging } from '../reporting/staging.js';
import { publishReports, reportFileName } from '../reporting/reports.js';
import type { RunSummary } from '../reporting/summary.js';
import type { SkippedRequest } from '../target/writes.js';
import { isWriteRequest } from '../../generate/scripts/index.js';
import { harnessTokens } from '../tokens/harness-tokens.js';
import { cliHarnessModel } from './cli-harness-model.js';
import type { EnvironmentJson } from '../target/target.js';

export interface PostmanCliSuiteOptions extends LocalSuiteOptions {
  /** Gets the run's console output once it is over, every secret redacted (the CLI's own output is held back until then). */
  onConsole?: (text: string) => void;
}

/** A Postman CLI run against any environment: staging, production, a file (the harness owns the tokens). */
export interface PostmanCliTargetOptions extends Omit<PostmanCliSuiteOptions, 'mock'> {
  environment: EnvironmentJson;
  production?: boolean;
  allowWrites?: boolean;
}

/** The model without the requests that write (as withoutWrites for the v2.1 collection), and what was left out. */
function modelWithoutWrites(
  model: CollectionModel,
  tokenPaths: readonly string[],
): { model: CollectionModel; skipped: SkippedRequest[] } {
  const skipped: SkippedRequest[] = [];
  const folders = model.folders
    .map((folder) => ({
      ...folder,
      items: folder.items.filter((item) => {
        const method = item.request.method.toUpperCase();
        const path = `/${item.request.url.path.join('/')}`;
        if (!isWriteRequest(method, path, tokenPaths)) return true;
        skipped.push({ folder: folder.name, name: item.name, method, path });
        return false;
      }),
    }))
    .filter((folder) => folder.items.length > 0);
  return { model: { ...model, folders }, skipped };
}

/** `--folder` names must be a folder or request of the collection; the Token folder always runs first. */
function itemsToRun(model: CollectionModel, folders: readonly string[]): string[] {
  if (folders.length === 0) return [];
  const known = new Set(model.folders.flatMap((f) => [f.name, ...f.items.map((i) => i.name)]));
  const unknown = folders.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw new UserError(
      `--folder: no folder or request named ${unknown.map((f) => `"${f}"`).join(', ')}; the folders are ${model.folders.map((f) => `"${f.name}"`).join(', ')}`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
  return folders.includes(TOKEN_FOLDER_NAME) ? [...folders] : [TOKEN_FOLDER_NAME, ...folders];
}

function spawnCli(
  binary: string,
  args: readonly string[],
  home: string,
): Promise<{ code: number | null; output: string }> {
  const { POSTMAN_API_KEY: _key, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], {
      env: { ...env, HOME: home, USERPROFILE: home, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // An interrupted run exits at once (commands/interrupt.ts): the CLI goes with it.
    const stop = () => child.kill('SIGTERM');
    process.once('exit', stop);
    child.on('close', () => process.off('exit', stop));
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Runs the contract suite with the Postman CLI against the embedded mock: the v3 folder of the
 * collection and the local environment (pointed at the mock) are written to a private temporary
 * directory, `postman collection run` runs them offline with a home of its own (never logged in,
 * nothing published), and its output becomes the same RunSummary, JUnit, HTML and JSON reports as a
 * Newman run, with every secret redacted. The CLI offers only its `cli` reporter for a v3 folder, so
 * the summary and reports are read from that output (postman-cli-output.ts); htmlextra is Newman's.
 */
export async function runLocalSuiteWithPostmanCli(options: PostmanCliSuiteOptions): Promise<RunSummary> {
  assertCliReporters(options.reporters ?? ['cli']);
  locatePostmanCli();
  options.onProgress?.('starting the local Pleo (mock)…');
  const mock = await startMock({ spec: options.spec, port: 0, autoApprove: true, ...options.mock });
  options.onProgress?.(`local Pleo listening on ${mock.url}`);
  try {
    const environment = buildEnvironment(options.spec, 'local', options.scopes ?? neededScopes(options.spec));
    const { mock: _hooks, ...rest } = options;
    return await runSuiteWithPostmanCli({
      ...rest,
      environment,
      envVars: { ...localOverrides(mock.url), ...options.envVars },
      secrets: [TEST_CLIENT.secret, ...(options.secrets ?? [])],
    });
  } finally {
    await mock.close();
  }
}

function assertCliReporters(reporters: readonly string[]): void {
  if (reporters.includes('htmlextra')) {
    throw new UserError(
      '--reporters: htmlextra is a Newman reporter; with --runner postman-cli use cli, junit, html or json',
      ERROR_CODES.OPTION_INVALID,
    );
  }
}

/**
 * The same run against any environment (staging, production, a file): the harness gets every token
 * first (harness-tokens.ts: each rotation on disk at once), so the CLI's scripts send no token request
 * and nothing the CLI cannot export is lost. Against production, writes are left out of the v3 folder
 * unless `allowWrites` (and the collection's own guard stays); the Negative folder is left out unless
 * the run's negativeTests is "true" (never against production).
 */
export async function runSuiteWithPostmanCli(options: PostmanCliTargetOptions): Promise<RunSummary> {
  const reporters = options.reporters ?? ['cli'];
  assertCliReporters(reporters);
  const binary = locatePostmanCli();
  const whole = buildCollectionModel(options.spec, options.scopes).model;
  // A production run never sends a negative case (each must fail; one wrongly accepted changes real data);
  // elsewhere they go only where negativeTests is "true". The CLI cannot skip them (see cli-harness-model.ts):
  // their folder is left out, so their guard has nothing to skip and none counts as "not sent".
  const negativeTests =
    options.envVars?.[NEGATIVE_TESTS_VARIABLE] ??
    options.environment.values.find((v) => v.key === NEGATIVE_TESTS_VARIABLE)?.value;
  const negativeOff = options.production || String(negativeTests) !== 'true';
  const built = negativeOff
    ? { ...whole, folders: whole.folders.filter((folder) => folder.name !== NEGATIVE_FOLDER_NAME) }
    : whole;
  const selected = itemsToRun(built, options.folders ?? []);
  const guarded =
    options.production && !options.allowWrites
      ? modelWithoutWrites(built, tokenPathsOf(options.spec.auth))
      : { model: built, skipped: [] };
  const skipped = guarded.skipped;
  const owned = await harnessTokens({
    collection: buildCollection(options.spec, options.scopes).collection,
    environment: options.environment,
    ...(options.envVars ? { envVars: options.envVars } : {}),
    ...(options.timeoutRequestMs ? { timeoutRequestMs: options.timeoutRequestMs } : {}),
    ...(options.onRefreshToken ? { onRefreshToken: options.onRefreshToken } : {}),
  });
  const harness = owned.tokens ? cliHarnessModel(guarded.model, owned.tokens) : undefined;
  const model = harness?.model ?? guarded.model;
  const only = harness ? selected.filter((name) => name !== TOKEN_FOLDER_NAME) : selected;
  const work = await mkdtemp(join(tmpdir(), 'pleo-postman-cli-'));
  try {
    const overrides: Record<string, string> = {
      ...options.envVars,
      ...owned.envVars,
      ...harness?.values,
      ...(options.allowWrites ? { allowWrites: 'true' } : {}),
      ...(options.production ? { [NEGATIVE_TESTS_VARIABLE]: 'false' } : {}),
    };
    const given = options.environment.values.map((v) =>
      v.key in overrides ? { ...v, value: overrides[v.key]! } : { ...v, value: String(v.value ?? '') },
    );
    const added = Object.entries(overrides)
      .filter(([key]) => !given.some((v) => v.key === key))
      .map(([key, value]) => ({ key, value }));
    const values = [...given, ...added].map((v) => ({
      key: v.key,
      value: v.value,
      enabled: true as const,
      type: /secret|token/i.test(v.key) ? ('secret' as const) : ('default' as const),
    }));
    const files = [...writeV3(model), writeV3Environment({ name: options.environment.name ?? 'run', values }, 'run')];
    for (const file of files) {
      await mkdir(dirname(join(work, file.path)), { recursive: true });
      await writeFile(join(work, file.path), file.content, { mode: 0o600 });
    }
    const home = join(work, 'home');
    await mkdir(home);
    const args = [
      'collection',
      'run',
      join(work, v3CollectionDir(model.name)),
      '-e',
      join(work, 'postman/environments/run.environment.yaml'),
      '-r',
      'cli',
      '--color',
      'off',
      ...only.flatMap((name) => ['-i', name]),
      ...(options.bail ? ['--bail'] : []),
      ...(options.timeoutRequestMs ? ['--timeout-request', String(options.timeoutRequestMs)] : []),
    ];
    options.onProgress?.(
      'starting the Postman CLI (offline, never logged in, nothing published); it prints nothing until the run is over, then its output comes here with every secret redacted…',
    );
    const started = Date.now();
    const { code, output } = await spawnCli(binary, args, home);
    const durationMs = Date.now() - started;
    const secrets = [
      ...(options.secrets ?? []),
      ...(owned.tokens?.secrets ?? []),
      ...basicCredentialForms(
        overridesOrEnvironment(options, 'clientId'),
        overridesOrEnvironment(options, 'clientSecret'),
      ),
      ...Object.entries(overrides)
        .filter(([k]) => /secret|token/i.test(k))
        .map(([, v]) => v),
    ];
    const text = redactText(output, secrets);
    options.onConsole?.(withoutLoginNotice(text));
    const cliRun = parseCliRun(text);
    const harnessAssertions = harness?.assertions ?? [];
    const run = {
      ...cliRun,
      assertions: [...harnessAssertions, ...cliRun.assertions],
      failures: [
        ...harnessAssertions
          .filter((a) => a.outcome === 'failed')
          .map((a) => ({ item: a.request, test: a.name, message: a.message ?? '' })),
        ...cliRun.failures,
      ],
    };
    const failed = run.assertions.filter((a) => a.outcome === 'failed').length;
    const negativeCases = countNegativeCases(run.assertions.map((a) => a.name));
    const runError = !run.completed ? `the Postman CLI stopped (exit ${code}) before the end of the run` : undefined;
    const summary: Omit<RunSummary, 'reportFiles'> = {
      ok: run.completed && run.failures.length === 0 && code === 0,
      requests: run.requests,
      assertions: {
        total: run.assertions.length,
        failed,
        skipped: run.assertions.filter((a) => a.outcome === 'skipped').length,
      },
      ...(negativeCases ? { negativeCases } : {}),
      failures: run.failures,
      notSent: run.assertions.filter(
        (a) => a.outcome === 'skipped' && a.name === 'token: not sent, the token step failed',
      ).length,
      durationMs,
      ...(runError ? { runError } : {}),
      skippedWrites: skipped,
    };
    const reportDir = options.reportDir ?? 'reports';
    const base = options.reportName ?? 'pleo-postman';
    const fileReporters = reporters.filter(
      (r): r is 'junit' | 'html' | 'json' => r === 'junit' || r === 'html' || r === 'json',
    );
    let reportFiles: string[] = [];
    if (fileReporters.length > 0) {
      await mkdir(reportDir, { recursive: true });
      const staging = await makeStaging(reportDir);
      for (const reporter of fileReporters) {
        const content =
          reporter === 'junit'
            ? junitReport(model.name, run.assertions, durationMs)
            : reporter === 'html'
              ? renderHtmlReport(cliHtmlReportData(guarded.model, run, selected, model.name, durationMs))
              : jsonReport(summary, run.assertions);
        await writeFile(join(staging, reportFileName(reporter, base)), content, { mode: 0o600 });
      }
      reportFiles = await publishReports({ reporters: [...reporters], reporter: {}, staging }, reportDir, secrets);
    }
    const initial = overridesOrEnvironment(options, 'refreshToken');
    const newest = owned.tokens?.refreshToken;
    return {
      ...summary,
      reportFiles,
      ...(newest && newest !== initial ? { rotatedRefreshToken: newest } : {}),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const overridesOrEnvironment = (options: PostmanCliTargetOptions, key: string): string =>
  options.envVars?.[key] ?? String(options.environment.values.find((v) => v.key === key)?.value ?? '');
