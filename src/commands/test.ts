import { buildCollection } from '../generate/index.js';
import {
  formatSummaryLine,
  lockRefreshTokenFile,
  parseReporters,
  readRefreshTokenFile,
  resolveCredentials,
  resolveTarget,
  runLocalSuite,
  runSuite,
  valueOf,
  writeRefreshTokenFile,
  type RunSummary,
  type SuiteOptions,
  type Target,
} from '../run/index.js';
import { loadSpec, type ApiDescription } from '../description/index.js';
import { assertWritableFile } from '../run/file-checks.js';
import { formatTokenStepFailure, tokenStepFailure } from '../run/token-step.js';
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
}

/** What the user reads after Newman's own output: skipped writes, reports, the rotation, one summary line. */
export function reportRun(summary: RunSummary, io: Io): void {
  if (summary.skippedWrites.length > 0) {
    io.err(`skipped ${summary.skippedWrites.length} writes against production (pass --allow-writes to send them):`);
    for (const s of summary.skippedWrites) io.err(`  ${s.folder} / ${s.name} (${s.method} ${s.path})`);
  }
  for (const file of summary.reportFiles) io.out(`report: ${file}`);
  const tokenStep = tokenStepFailure(summary.failures);
  if (tokenStep) for (const line of formatTokenStepFailure(tokenStep)) io.err(line);
  io.out(`pleo-postman test: ${formatSummaryLine(summary)}`);
}

/**
 * `test`: runs the contract suite with Newman. `--env local` (default) runs against the embedded
 * mock; staging and production take credentials from PLEO_CLIENT_ID, PLEO_CLIENT_SECRET and
 * PLEO_REFRESH_TOKEN and keep a rotated refresh token in `--refresh-token-file` (mode 0600).
 */
export async function testCommand(
  args: TestArgs,
  io: Io,
  processEnv: Record<string, string | undefined> = process.env,
): Promise<number> {
  const spec = await loadSpec(args.spec, { onWarning: io.err });
  const common: Omit<SuiteOptions, 'collection' | 'environment'> = {
    reporters: parseReporters(args.reporters),
    reportDir: args.reportDir,
    onProgress: (message: string) => io.err(message),
    reportName: `pleo-postman-${args.env.replace(/^.*[\\/]/, '').replace(/\.postman_environment\.json$|\.json$/, '')}`,
    folders: args.folder ?? [],
    bail: args.bail,
    ...(args.timeoutRequest ? { timeoutRequestMs: args.timeoutRequest } : {}),
  };
  const target = await resolveTarget(spec, args.env);
  if (target.kind === 'local') {
    const summary = await runLocalSuite({ ...common, spec });
    reportRun(summary, io);
    return summary.ok ? 0 : 1;
  }
  if (args.refreshTokenFile) await assertWritableFile(args.refreshTokenFile, '--refresh-token-file');
  const release = args.refreshTokenFile ? await lockRefreshTokenFile(args.refreshTokenFile) : undefined;
  try {
    return await runRemote({ args, io, processEnv, spec, target, common });
  } finally {
    await release?.();
  }
}

interface RemoteRun {
  args: TestArgs;
  io: Io;
  processEnv: Record<string, string | undefined>;
  spec: ApiDescription;
  target: Extract<Target, { kind: 'remote' }>;
  common: Omit<SuiteOptions, 'collection' | 'environment'>;
}

/** Staging, production or an environment file: credentials in, rotated refresh token out. */
async function runRemote({ args, io, processEnv, spec, target, common }: RemoteRun): Promise<number> {
  const stored = args.refreshTokenFile ? await readRefreshTokenFile(args.refreshTokenFile) : undefined;
  const credentials = resolveCredentials(processEnv, {
    fromEnvironmentFile: {
      clientId: valueOf(target.environment, 'clientId'),
      clientSecret: valueOf(target.environment, 'clientSecret'),
      refreshToken: valueOf(target.environment, 'refreshToken'),
    },
    ...(stored ? { storedRefreshToken: stored } : {}),
    refreshTokenOptional: target.loopback,
  });
  const summary = await runSuite({
    ...common,
    collection: buildCollection(spec).collection,
    environment: target.environment,
    envVars: { ...credentials },
    production: target.production,
    allowWrites: args.allowWrites,
  });
  if (summary.rotatedRefreshToken !== undefined) {
    if (args.refreshTokenFile) {
      await writeRefreshTokenFile(args.refreshTokenFile, summary.rotatedRefreshToken);
      io.out(
        `the server rotated the refresh token; the new one is in ${args.refreshTokenFile} (mode 0600): store it for the next run`,
      );
    } else {
      io.err(
        'warning: the server rotated the refresh token, so the one you passed is spent; pass --refresh-token-file FILE to keep the new one',
      );
    }
  }
  reportRun(summary, io);
  return summary.ok ? 0 : 1;
}
