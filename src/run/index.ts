export { runSuite, type SuiteOptions } from './suite.js';
export { runLocalSuite, localOverrides, type LocalSuiteOptions } from './local.js';
export { runNewman, type NewmanHooks } from './newman-run.js';
export { formatSummaryLine, summariseRun, type RunSummary, type Failure } from './summary.js';
export { parseReporters, reportFileName, REPORTERS, type ReporterName } from './reports.js';
export {
  collectSecrets,
  redactSummary,
  redactText,
  authorizationSecrets,
  REDACTED,
  SECRET_VARIABLES,
} from './redact.js';
export { withoutWrites, type SkippedRequest } from './writes.js';
export {
  resolveCredentials,
  readRefreshTokenFile,
  writeRefreshTokenFile,
  lockRefreshTokenFile,
  CREDENTIAL_VARIABLES,
  type Credentials,
  type CredentialSources,
} from './credentials.js';
export { resolveTarget, environmentValue, type Target, type EnvironmentJson } from './target.js';
export { lockTokenFile, parseLockOwner, processIsAlive, type HeldLock, type LockOwner } from './lock.js';
export { writeRefreshTokenFileSync, assertWritableFolder } from './refresh-token-store.js';
export { refreshTokenOfResponse, refreshTokenListener } from './rotation.js';
export { planRefreshToken, type RefreshTokenPlan, type RefreshTokenSource } from './token-plan.js';
export { runScaledSuite, planRunners, assertParallel, type ScaleOptions } from './parallel.js';
export { parseShard, shardCollection, type Shard } from './shard.js';
