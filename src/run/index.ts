// The one door into the runner: commands import from here only. The rooms are tokens/ (getting,
// rotating, storing and locking tokens), runners/ (Newman, the Postman CLI, threads, shards), reporting/
// (summaries, counts, JUnit/HTML/JSON, redaction) and target/ (which environment a run is aimed at and
// what it may write there).
export { runSuite, type SuiteOptions } from './runners/suite.js';
export { runLocalSuite, localOverrides, type LocalSuiteOptions } from './runners/local.js';
export { runNewman, type NewmanHooks } from './runners/newman-run.js';
export { formatSummaryLine, summariseRun, type RunSummary, type Failure } from './reporting/summary.js';
export { parseReporters, reportFileName, REPORTERS, type ReporterName } from './reporting/reports.js';
export {
  collectSecrets,
  redactSummary,
  redactText,
  authorizationSecrets,
  REDACTED,
  SECRET_VARIABLES,
} from './reporting/redact.js';
export { withoutWrites, type SkippedRequest } from './target/writes.js';
export {
  resolveCredentials,
  readRefreshTokenFile,
  writeRefreshTokenFile,
  lockRefreshTokenFile,
  CREDENTIAL_VARIABLES,
  type Credentials,
  type CredentialSources,
} from './tokens/credentials.js';
export { resolveTarget, environmentValue, type Target, type EnvironmentJson } from './target/target.js';
export { lockTokenFile, parseLockOwner, processIsAlive, type HeldLock, type LockOwner } from './tokens/lock.js';
export { writeRefreshTokenFileSync, assertWritableFolder } from './tokens/refresh-token-store.js';
export { formatTokenStepFailure, tokenStepFailure } from './tokens/token-step.js';
export { parseRunner, type RunnerName } from './runners/runner.js';
export { assertWritableFile } from './target/file-checks.js';
export { refreshTokenOfResponse, refreshTokenListener } from './tokens/rotation.js';
export { stopTokenRequests } from './tokens/token-policy.js';
export { removeOpenStaging } from './reporting/staging.js';
export { planRefreshToken, type RefreshTokenPlan, type RefreshTokenSource } from './tokens/token-plan.js';
export { runScaledSuite, planRunners, assertParallel, type ScaleOptions } from './runners/parallel.js';
export { parseShard, shardCollection, type Shard } from './runners/shard.js';

/** The Postman CLI runner, loaded on first use: most runs never need it. */
export async function runLocalSuiteWithPostmanCli(
  ...args: Parameters<typeof import('./runners/postman-cli-run.js').runLocalSuiteWithPostmanCli>
): ReturnType<typeof import('./runners/postman-cli-run.js').runLocalSuiteWithPostmanCli> {
  const { runLocalSuiteWithPostmanCli: run } = await import('./runners/postman-cli-run.js');
  return run(...args);
}

/** The Postman CLI runner against staging, production or a file (the harness owns the tokens), loaded on first use. */
export async function runSuiteWithPostmanCli(
  ...args: Parameters<typeof import('./runners/postman-cli-run.js').runSuiteWithPostmanCli>
): ReturnType<typeof import('./runners/postman-cli-run.js').runSuiteWithPostmanCli> {
  const { runSuiteWithPostmanCli: run } = await import('./runners/postman-cli-run.js');
  return run(...args);
}
