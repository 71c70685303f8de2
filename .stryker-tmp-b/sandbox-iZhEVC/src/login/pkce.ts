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
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A PKCE code verifier: 32 random bytes, base64url (43 characters of the unreserved set).
 * @see [RFC 7636 §4.1](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.1)
 */
export const createCodeVerifier = stryMutAct_9fa48("63") ? () => undefined : (stryCov_9fa48("63"), (() => {
  const createCodeVerifier = (): string => randomBytes(32).toString(stryMutAct_9fa48("64") ? "" : (stryCov_9fa48("64"), 'base64url'));
  return createCodeVerifier;
})());

/** @see [RFC 7636 §4.2](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.2) S256 */
export const codeChallengeS256 = stryMutAct_9fa48("65") ? () => undefined : (stryCov_9fa48("65"), (() => {
  const codeChallengeS256 = (verifier: string): string => createHash(stryMutAct_9fa48("66") ? "" : (stryCov_9fa48("66"), 'sha256')).update(verifier).digest(stryMutAct_9fa48("67") ? "" : (stryCov_9fa48("67"), 'base64url'));
  return codeChallengeS256;
})());

/** An unguessable `state` that binds the browser's answer to this login. @see [RFC 6749 §10.12](https://www.rfc-editor.org/rfc/rfc6749.html#section-10.12) */
export const createState = stryMutAct_9fa48("68") ? () => undefined : (stryCov_9fa48("68"), (() => {
  const createState = (): string => randomBytes(24).toString(stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), 'base64url'));
  return createState;
})());

/** Compares a returned state with ours in constant time. */
export function sameState(expected: string, actual: string | null): boolean {
  if (stryMutAct_9fa48("70")) {
    {}
  } else {
    stryCov_9fa48("70");
    if (stryMutAct_9fa48("73") ? actual !== null : stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72", "73"), actual === null)) return stryMutAct_9fa48("74") ? true : (stryCov_9fa48("74"), false);
    const a = Buffer.from(expected);
    const b = Buffer.from(actual);
    return stryMutAct_9fa48("77") ? a.length === b.length || timingSafeEqual(a, b) : stryMutAct_9fa48("76") ? false : stryMutAct_9fa48("75") ? true : (stryCov_9fa48("75", "76", "77"), (stryMutAct_9fa48("79") ? a.length !== b.length : stryMutAct_9fa48("78") ? true : (stryCov_9fa48("78", "79"), a.length === b.length)) && timingSafeEqual(a, b));
  }
}
export interface AuthorizationRequest {
  authServerUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
}

/**
 * `{authServerUrl}/oauth/authorize?…` for the Authorization Code grant with PKCE S256.
 * @see [RFC 6749 §4.1.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.1)
 */
export function authorizationUrl(request: AuthorizationRequest): string {
  if (stryMutAct_9fa48("80")) {
    {}
  } else {
    stryCov_9fa48("80");
    const params = new URLSearchParams(stryMutAct_9fa48("81") ? {} : (stryCov_9fa48("81"), {
      response_type: stryMutAct_9fa48("82") ? "" : (stryCov_9fa48("82"), 'code'),
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      ...((stryMutAct_9fa48("85") ? request.scope.trim() === '' : stryMutAct_9fa48("84") ? false : stryMutAct_9fa48("83") ? true : (stryCov_9fa48("83", "84", "85"), (stryMutAct_9fa48("86") ? request.scope : (stryCov_9fa48("86"), request.scope.trim())) !== (stryMutAct_9fa48("87") ? "Stryker was here!" : (stryCov_9fa48("87"), '')))) ? stryMutAct_9fa48("88") ? {} : (stryCov_9fa48("88"), {
        scope: stryMutAct_9fa48("89") ? request.scope : (stryCov_9fa48("89"), request.scope.trim())
      }) : {}),
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), 'S256')
    }));
    return stryMutAct_9fa48("91") ? `` : (stryCov_9fa48("91"), `${request.authServerUrl.replace(stryMutAct_9fa48("93") ? /\/$/ : stryMutAct_9fa48("92") ? /\/+/ : (stryCov_9fa48("92", "93"), /\/+$/), stryMutAct_9fa48("94") ? "Stryker was here!" : (stryCov_9fa48("94"), ''))}/oauth/authorize?${params}`);
  }
}