/* global env, TEST_NAME, REQUIRED, FAILED_REFRESH_VARIABLE, NARROW_TOKEN_VARIABLE, TOKEN_BODY_VARIABLE, sha256, formBody */
// @ts-nocheck

/**
 * The body of the pre-request script of a Security folder's "narrower token" request (it runs inside
 * a function, hence the bare `return`s): that request, POST {{authServerUrl}}/oauth/token with its own
 * Basic auth, is a refresh that asks for every granted scope but the REQUIRED ones (RFC 6749 §6);
 * this script puts its form body into the local variable TOKEN_BODY_VARIABLE (security-narrow-response.js
 * stores the answer). With no refresh token, nothing to narrow to, or a refresh token that failed
 * before, the check is skipped, visibly (skip(reason)), and so is the 403 probe after it
 * (security-probe.js): NARROW_TOKEN_VARIABLE stays empty.
 * TEST_NAME, REQUIRED and env come from the script's preamble (src/generate/scripts/security.ts).
 */
function skip(reason) {
  pm.test.skip(TEST_NAME + ' (skipped: ' + reason + ')', function () {});
  pm.execution.skipRequest();
}
pm.collectionVariables.set(NARROW_TOKEN_VARIABLE, '');
var refreshToken = env.get('refreshToken');
var narrowed = String(env.get('scopes') || '').split(/\s+/).filter(function (s) { return s && REQUIRED.indexOf(s) < 0; });
if (!refreshToken) return skip('no refreshToken in the environment to narrow a token with');
if (narrowed.length === 0) return skip('the environment grants no scope besides ' + REQUIRED.join(' '));
if (pm.collectionVariables.get(FAILED_REFRESH_VARIABLE) === sha256(refreshToken)) return skip('the refresh token failed before');
pm.variables.set(TOKEN_BODY_VARIABLE, formBody({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: narrowed.join(' ') }));
