// @ts-nocheck
import { buildCollection } from '../generate/index.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { environmentLabel, hasStoredToken, storedTokenPath } from '../login/token-store.js';
import {
  assertWritableFile,
  assertWritableFolder,
  CREDENTIAL_VARIABLES,
  formatSummaryLine,
  formatTokenStepFailure,
  lockTokenFile,
  parseRunner,
  planRefreshToken,
  runLocalSuiteWithPostmanCli,
  tokenStepFailure,
  writeRefreshTokenFileSync,
  type RefreshTokenPlan,
  parseReporters,
  parseShard,
  readRefreshTokenFile,
  resolveCredentials,
  resolveTarget,
  runLocalSuite,
  runSuite,
  environmentValue,
  type Credentials,
  type RunSummary,
  type SuiteOptions,
  type Target,
} from '../run/index.js';
import { loadSpec, type ApiDescription } from '../description/index.js';
import type { Io } from './run-command.js';

export interface TestArgs {
  spec: string;
  env: string;
  folder?: string[];
  reporters: string;
  reportDir: string;
  bail: boolean;
  timeoutRequest?: number;
  allowWrites: boolean;
  refreshTokenFile?: string;
  parallel?: number;
  shard?: string;
  /** `--runner newman|postman-cli` (default newman). */
  runner?: string;
}

/** What the user reads after Newman's own output: skipped writes, reports, the rotation, one summary line. */
export function reportRun(summary: RunSummary, io: Io, listFailures = false): void {
  if (summary.skippedWrites.length > 0) {
    io.err(`skipped ${summary.skippedWrites.length} writes against production (pass --allow-writes to send them):`);
    for (const s of summary.skippedWrites) io.err(`  ${s.folder} / ${s.name} (${s.method} ${s.path})`);
  }
  // Parallel runners have no cli reporter of their own (their output would interleave): list failures here.
  if (listFailures) for (const f of summary.failures) io.err(`failed: ${f.item}: ${f.test}: ${f.message}`);
  for (const file of summary.reportFiles) io.out(`report: ${file}`);
  const tokenStep = tokenStepFailure(summary.failures);
  if (tokenStep) for (const line of formatTokenStepFailure(tokenStep)) io.err(line);
  io.out(`pleo-postman test: ${formatSummaryLine(summary)}`);
}

/**
 * `test`: runs the contract suite with Newman. `--env local` (default) runs against the embedded
 * mock; staging and production take credentials from PLEO_CLIENT_ID, PLEO_CLIENT_SECRET and
 * PLEO_REFRESH_TOKEN (or `--refresh-token-file`, or the login store) and write every rotated refresh
 * token to its place (mode 0600) the moment the server issues it.
 */
export async function testCommand(
  args: TestArgs,
  io: Io,
  processEnv: Record<string, string | undefined> = process.env,
): Promise<number> {
  const runner = parseRunner(args.runner);
  const spec = await loadSpec(args.spec, { onWarning: io.err });
  const common: Omit<SuiteOptions, 'collection' | 'environment'> = {
    reporters: parseReporters(args.reporters),
    reportDir: args.reportDir,
    onProgress: (message: string) => io.err(message),
    reportName: `pleo-postman-${args.env.replace(/^.*[\\/]/, '').replace(/\.postman_environment\.json$|\.json$/, '')}`,
    folders: args.folder ?? [],
    bail: args.bail,
    ...(args.timeoutRequest ? { timeoutRequestMs: args.timeoutRequest } : {}),
    ...(args.parallel !== undefined ? { parallel: args.parallel } : {}),
    ...(args.shard !== undefined ? { shard: parseShard(args.shard) } : {}),
  };
  const target = await resolveTarget(spec, args.env);
  if (runner === 'postman-cli') {
    if (target.kind !== 'local') {
      throw new UserError(
        '--runner postman-cli runs against the local mock only (--env local): the Postman CLI cannot export the environment of a v3 run, so a refresh token that the server rotates would be lost; use --runner newman for staging and production',
        ERROR_CODES.OPTION_INVALID,
      );
    }
    const summary = await runLocalSuiteWithPostmanCli({ ...common, spec, onConsole: (text) => io.out(text.trimEnd()) });
    reportRun(summary, io);
    return summary.ok ? 0 : 1;
  }
  if (target.kind === 'local') {
    const summary = await runLocalSuite({ ...common, spec });
    reportRun(summary, io, (args.parallel ?? 1) > 1);
    return summary.ok ? 0 : 1;
  }
  if (args.refreshTokenFile) await assertWritableFile(args.refreshTokenFile, '--refresh-token-file');
  return runRemote({ args, io, processEnv, spec, target, common });
}

interface RemoteRun {
  args: TestArgs;
  io: Io;
  processEnv: Record<string, string | undefined>;
  spec: ApiDescription;
  target: Extract<Target, { kind: 'remote' }>;
  common: Omit<SuiteOptions, 'collection' | 'environment'>;
}

/** Staging, production or an environment file: credentials in, every rotated refresh token on disk at once. */
async function runRemote(run: RemoteRun): Promise<number> {
  const { args, io, processEnv, target } = run;
  const fromFile = {
    clientId: environmentValue(target.environment, 'clientId'),
    clientSecret: environmentValue(target.environment, 'clientSecret'),
  };
  const clientId = (processEnv[CREDENTIAL_VARIABLES.clientId] ?? '').trim() || fromFile.clientId.trim();
  const storeFile = clientId ? storedTokenPath(environmentLabel(args.env), clientId, processEnv) : undefined;
  const plan = planRefreshToken({
    fromVariable: (processEnv[CREDENTIAL_VARIABLES.refreshToken] ?? '').trim(),
    fromEnvironmentFile: environmentValue(target.environment, 'refreshToken').trim(),
    ...(args.refreshTokenFile ? { refreshTokenFile: args.refreshTokenFile } : {}),
    ...(storeFile && hasStoredToken(storeFile) ? { loginStoreFile: storeFile } : {}),
    env: args.env,
  });
  const lock = plan.keepIn
    ? await lockTokenFile(plan.keepIn.path, { onNotice: (m) => io.err(`notice: ${m}`) })
    : undefined;
  try {
    const refreshToken = plan.token ?? (plan.keepIn ? await readRefreshTokenFile(plan.keepIn.path) : undefined);
    const credentials = resolveCredentials(
      { ...processEnv, [CREDENTIAL_VARIABLES.refreshToken]: refreshToken ?? '' },
      { fromEnvironmentFile: fromFile, refreshTokenOptional: target.loopback },
    );
    if (plan.keepIn) assertWritableFolder(plan.keepIn.path);
    return await runKeepingTokens(run, credentials, plan.keepIn);
  } finally {
    await lock?.release();
  }
}

async function runKeepingTokens(
  { args, io, spec, target, common }: RemoteRun,
  credentials: Credentials,
  keepIn: RefreshTokenPlan['keepIn'],
): Promise<number> {
  let kept: string | undefined;
  const keep = (token: string) => {
    if (!keepIn) return;
    try {
      writeRefreshTokenFileSync(keepIn.path, token);
      kept = token;
    } catch (cause) {
      throw new UserError(
        `the server rotated the refresh token but it could not be written to ${keepIn.path} (${(cause as NodeJS.ErrnoException).code ?? 'error'}); the run was stopped before sending anything else. The token you started with is spent: log in again (pleo-postman login) for a new one`,
        ERROR_CODES.REFRESH_TOKEN_UNSAVED,
        { cause },
      );
    }
  };
  const summary = await runSuite({
    ...common,
    onRotatedRefreshToken: keep, // --parallel: the shared acquisition's rotation, at once
    collection: buildCollection(spec).collection,
    environment: target.environment,
    envVars: { ...credentials },
    production: target.production,
    allowWrites: args.allowWrites,
    onRefreshToken: keep,
  });
  if (summary.rotatedRefreshToken !== undefined && summary.rotatedRefreshToken !== kept)
    keep(summary.rotatedRefreshToken);
  if (kept !== undefined && keepIn) {
    io.out(
      keepIn.kind === 'login store'
        ? `the server rotated the refresh token; the new one is in the login store, ${keepIn.path} (mode 0600)`
        : `the server rotated the refresh token; the new one is in ${keepIn.path} (mode 0600): store it for the next run`,
    );
  }
  reportRun(summary, io, (args.parallel ?? 1) > 1);
  return summary.ok ? 0 : 1;
}
