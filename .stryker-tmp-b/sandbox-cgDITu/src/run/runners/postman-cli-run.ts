// @ts-nocheck
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';
import {
  buildCollectionModel,
  buildEnvironment,
  neededScopes,
  v3CollectionDir,
  writeV3,
  writeV3Environment,
  type CollectionModel,
} from '../../generate/index.js';
import { TOKEN_FOLDER_NAME } from '../../generate/scripts/token-item.js';
import { startMock, TEST_CLIENT } from '../../mock/index.js';
import { cliHtmlReportData } from '../reports/cli-html-data.js';
import { jsonReport, junitReport } from '../reports/cli-reports.js';
import { renderHtmlReport } from '../reports/html-report.js';
import type { LocalSuiteOptions } from './local.js';
import { localOverrides } from './local.js';
import { locatePostmanCli } from './postman-cli-bin.js';
import { parseCliRun } from './postman-cli-output.js';
import { redactText } from '../reports/redact.js';
import { publishReports, reportFileName } from '../reports/reports.js';
import type { RunSummary } from '../reports/summary.js';

export interface PostmanCliSuiteOptions extends LocalSuiteOptions {
  /** Gets the run's console output once it is over, every secret redacted (the CLI's own output is held back until then). */
  onConsole?: (text: string) => void;
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
  const reporters = options.reporters ?? ['cli'];
  if (reporters.includes('htmlextra')) {
    throw new UserError(
      '--reporters: htmlextra is a Newman reporter; with --runner postman-cli use cli, junit, html or json',
      ERROR_CODES.OPTION_INVALID,
    );
  }
  const binary = locatePostmanCli();
  const { model } = buildCollectionModel(options.spec, options.scopes);
  const only = itemsToRun(model, options.folders ?? []);
  const mock = await startMock({ spec: options.spec, port: 0, autoApprove: true, ...options.mock });
  const work = await mkdtemp(join(tmpdir(), 'pleo-postman-cli-'));
  try {
    const environment = buildEnvironment(options.spec, 'local', options.scopes ?? neededScopes(options.spec));
    const overrides: Record<string, string> = { ...localOverrides(mock.url), ...options.envVars };
    const values = environment.values.map((v) => (v.key in overrides ? { ...v, value: overrides[v.key]! } : v));
    const files = [...writeV3(model), writeV3Environment({ ...environment, values }, 'run')];
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
    const started = Date.now();
    const { code, output } = await spawnCli(binary, args, home);
    const durationMs = Date.now() - started;
    const secrets = [
      TEST_CLIENT.secret,
      ...(options.secrets ?? []),
      ...Object.entries(overrides)
        .filter(([k]) => /secret|token/i.test(k))
        .map(([, v]) => v),
    ];
    const text = redactText(output, secrets);
    options.onConsole?.(text);
    const run = parseCliRun(text);
    const failed = run.assertions.filter((a) => a.outcome === 'failed').length;
    const runError = !run.completed ? `the Postman CLI stopped (exit ${code}) before the end of the run` : undefined;
    const summary: Omit<RunSummary, 'reportFiles'> = {
      ok: run.completed && run.failures.length === 0 && code === 0,
      requests: run.requests,
      assertions: {
        total: run.assertions.length,
        failed,
        skipped: run.assertions.filter((a) => a.outcome === 'skipped').length,
      },
      failures: run.failures,
      durationMs,
      ...(runError ? { runError } : {}),
      skippedWrites: [],
    };
    const reportDir = options.reportDir ?? 'reports';
    const base = options.reportName ?? 'pleo-postman';
    const fileReporters = reporters.filter(
      (r): r is 'junit' | 'html' | 'json' => r === 'junit' || r === 'html' || r === 'json',
    );
    let reportFiles: string[] = [];
    if (fileReporters.length > 0) {
      await mkdir(reportDir, { recursive: true });
      const staging = await mkdtemp(join(reportDir, '.pleo-postman-'));
      for (const reporter of fileReporters) {
        const content =
          reporter === 'junit'
            ? junitReport(model.name, run.assertions, durationMs)
            : reporter === 'html'
              ? renderHtmlReport(cliHtmlReportData(model, run, only, model.name, durationMs))
              : jsonReport(summary, run.assertions);
        await writeFile(join(staging, reportFileName(reporter, base)), content, { mode: 0o600 });
      }
      reportFiles = await publishReports({ reporters: [...reporters], reporter: {}, staging }, reportDir, secrets);
    }
    return { ...summary, reportFiles };
  } finally {
    await rm(work, { recursive: true, force: true });
    await mock.close();
  }
}
