import type { Failure } from '../reporting/summary.js';

/** The collection's token step names its checks `token: …` (src/generate/sandbox/token-*.js). */
const TOKEN_TEST = /^token: /;
const NOT_SENT = /; request not sent$/;

/** The skipped test a request that needs a token records when the token step failed (token-store.js). */
export const NOT_SENT_TEST = 'token: not sent, the token step failed';

export interface TokenStepFailure {
  /** Why the token step failed, e.g. `token endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED)`. */
  reason: string;
  /** Requests that were not sent because no token came. */
  notSent: number;
}

/** Whether the run's token step failed, why, and how many requests it held back (`notSent`, counted by the run). */
export function tokenStepFailure(failures: readonly Failure[], notSent = 0): TokenStepFailure | undefined {
  const first = failures.find((f) => TOKEN_TEST.test(f.test));
  if (!first) return undefined;
  return { reason: first.message.replace(NOT_SENT, ''), notSent };
}

/** The lines `test` ends with when the token step failed: what failed, and what to check. */
export function formatTokenStepFailure(failure: TokenStepFailure): string[] {
  return [
    `the token step failed: ${failure.reason}`,
    `  ${failure.notSent} request${failure.notSent === 1 ? '' : 's'} that need${failure.notSent === 1 ? 's' : ''} a token ${failure.notSent === 1 ? 'was' : 'were'} not sent (each is one skipped test, "${NOT_SENT_TEST}"); no token request was made after the failure`,
  ];
}
