// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { Failure } from '../reports/summary.js';

/** The collection's token step names its checks `token: …` (src/generate/sandbox/token-*.js). */
const TOKEN_TEST = stryMutAct_9fa48("718") ? /token: / : (stryCov_9fa48("718"), /^token: /);
const NOT_SENT = stryMutAct_9fa48("719") ? /; request not sent/ : (stryCov_9fa48("719"), /; request not sent$/);
export interface TokenStepFailure {
  /** Why the token step failed, e.g. `token endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED)`. */
  reason: string;
  /** Requests that were not sent because no token came. */
  notSent: number;
}

/** Whether the run's token step failed, why, and how many requests it held back. */
export function tokenStepFailure(failures: readonly Failure[]): TokenStepFailure | undefined {
  if (stryMutAct_9fa48("720")) {
    {}
  } else {
    stryCov_9fa48("720");
    const token = stryMutAct_9fa48("721") ? failures : (stryCov_9fa48("721"), failures.filter(stryMutAct_9fa48("722") ? () => undefined : (stryCov_9fa48("722"), f => TOKEN_TEST.test(f.test))));
    const first = token[0];
    if (stryMutAct_9fa48("725") ? false : stryMutAct_9fa48("724") ? true : stryMutAct_9fa48("723") ? first : (stryCov_9fa48("723", "724", "725"), !first)) return undefined;
    return stryMutAct_9fa48("726") ? {} : (stryCov_9fa48("726"), {
      reason: first.message.replace(NOT_SENT, stryMutAct_9fa48("727") ? "Stryker was here!" : (stryCov_9fa48("727"), '')),
      notSent: stryMutAct_9fa48("728") ? token.length : (stryCov_9fa48("728"), token.filter(stryMutAct_9fa48("729") ? () => undefined : (stryCov_9fa48("729"), f => NOT_SENT.test(f.message))).length)
    });
  }
}

/** The lines `test` ends with when the token step failed: what failed, and what to check. */
export function formatTokenStepFailure(failure: TokenStepFailure): string[] {
  if (stryMutAct_9fa48("730")) {
    {}
  } else {
    stryCov_9fa48("730");
    return stryMutAct_9fa48("731") ? [] : (stryCov_9fa48("731"), [stryMutAct_9fa48("732") ? `` : (stryCov_9fa48("732"), `the token step failed: ${failure.reason}`), stryMutAct_9fa48("733") ? `` : (stryCov_9fa48("733"), `  ${failure.notSent} request${(stryMutAct_9fa48("736") ? failure.notSent !== 1 : stryMutAct_9fa48("735") ? false : stryMutAct_9fa48("734") ? true : (stryCov_9fa48("734", "735", "736"), failure.notSent === 1)) ? stryMutAct_9fa48("737") ? "Stryker was here!" : (stryCov_9fa48("737"), '') : stryMutAct_9fa48("738") ? "" : (stryCov_9fa48("738"), 's')} that need a token ${(stryMutAct_9fa48("741") ? failure.notSent !== 1 : stryMutAct_9fa48("740") ? false : stryMutAct_9fa48("739") ? true : (stryCov_9fa48("739", "740", "741"), failure.notSent === 1)) ? stryMutAct_9fa48("742") ? "" : (stryCov_9fa48("742"), 'was') : stryMutAct_9fa48("743") ? "" : (stryCov_9fa48("743"), 'were')} not sent; check authServerUrl, the client id and secret, and the refresh token (a refused one is never sent twice: pass a new one)`)]);
  }
}