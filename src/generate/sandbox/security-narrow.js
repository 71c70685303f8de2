/* global env, TEST_NAME, REQUIRED, FAILED_REFRESH_VARIABLE, NARROW_TOKEN_VARIABLE, TOKEN_BODY_VARIABLE, TOKEN_TRIED_VARIABLE, HARNESS_TOKENS_VARIABLE, sha256, formBody */
/**
 * The body of the pre-request script of a Security folder's "narrower token" request (it runs inside
 * a function, hence the bare `return`s): that request, POST to the token endpoint (the item's URL, the description's) with its own
 * Basic auth, is a refresh that asks for every granted scope but the REQUIRED ones (RFC 6749 §6);
 * this script puts its form body into the local variable TOKEN_BODY_VARIABLE (security-narrow-response.js
 * stores the answer). With no refresh token, nothing to narrow to, or a refresh token that failed
 * before, the check is skipped, visibly (skip(reason)), and so is the 403 probe after it
 * (security-probe.js): NARROW_TOKEN_VARIABLE stays empty.
 * When `pleo-postman test` got the narrower tokens itself ({{pleoHarnessTokens}}), the request is not
 * sent: its token (or why there is none) comes from there. After the run's token step failed, or an
 * earlier narrowing got no usable answer, no refresh is sent either.
 * TEST_NAME, REQUIRED and env come from the script's preamble (src/generate/scripts/security.ts).
 */
function skip(reason) {
  pm.test.skip(TEST_NAME + ' (skipped: ' + reason + ')', function () {});
  pm.execution.skipRequest();
}
pm.collectionVariables.set(NARROW_TOKEN_VARIABLE, '');
var harnessText = pm.variables.get(HARNESS_TOKENS_VARIABLE);
if (harnessText) {
  var harness;
  try { harness = JSON.parse(harnessText); } catch (e) { harness = {}; }
  var key = REQUIRED.join(' ');
  var given = harness.narrow && harness.narrow[key];
  if (!given) return skip(harness.failure ? 'the token step failed' : (harness.narrowSkipped && harness.narrowSkipped[key]) || 'pleo-postman test got no narrower token');
  pm.collectionVariables.set(NARROW_TOKEN_VARIABLE, given);
  return pm.execution.skipRequest();
}
if (pm.variables.get(TOKEN_TRIED_VARIABLE)) return skip('the run got no usable token answer before; no refresh is sent again');
var refreshToken = env.get('refreshToken');
var narrowed = String(env.get('scopes') || '').split(/\s+/).filter(function (s) { return s && REQUIRED.indexOf(s) < 0; });
if (!refreshToken) return skip('no refreshToken in the environment to narrow a token with');
if (narrowed.length === 0) return skip('the environment grants no scope besides ' + REQUIRED.join(' '));
if (pm.collectionVariables.get(FAILED_REFRESH_VARIABLE) === sha256(refreshToken)) return skip('the refresh token failed before');
pm.variables.set(TOKEN_BODY_VARIABLE, formBody({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: narrowed.join(' ') }));
