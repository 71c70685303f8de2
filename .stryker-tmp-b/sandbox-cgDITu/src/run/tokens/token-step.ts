// @ts-nocheck
import type { Failure } from '../reports/summary.js';

/** The collection's token step names its checks `token: …` (src/generate/sandbox/token-*.js). */
const TOKEN_TEST = /^token: /;
const NOT_SENT = /; request not sent$/;

export interface TokenStepFailure {
  /** Why the token step failed, e.g. `token endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED)`. */
  reason: string;
  /** Requests that were not sent because no token came. */
  notSent: number;
}

/** Whether the run's token step failed, why, and how many requests it held back. */
export function tokenStepFailure(failures: readonly Failure[]): TokenStepFailure | undefined {
  const token = failures.filter((f) => TOKEN_TEST.test(f.test));
  const first = token[0];
  if (!first) return undefined;
  return {
    reason: first.message.replace(NOT_SENT, ''),
    notSent: token.filter((f) => NOT_SENT.test(f.message)).length,
  };
}

/** The lines `test` ends with when the token step failed: what failed, and what to check. */
export function formatTokenStepFailure(failure: TokenStepFailure): string[] {
  return [
    `the token step failed: ${failure.reason}`,
    `  ${failure.notSent} request${failure.notSent === 1 ? '' : 's'} that need a token ${failure.notSent === 1 ? 'was' : 'were'} not sent; check authServerUrl, the client id and secret, and the refresh token (a refused one is never sent twice: pass a new one)`,
  ];
}
