/* global env, TEST_NAME, REQUIRED, FAILED_REFRESH_VARIABLE, NARROW_TOKEN_VARIABLE, sha256, tokenRequest, tokenError */
/**
 * The body of a Security 403 probe's pre-request script (it runs inside a function, hence the bare
 * `return`s): a narrower access token, without the REQUIRED scopes, from a refresh that asks for
 * less scope (RFC 6749 §6), into the local variable NARROW_TOKEN_VARIABLE for the request's Bearer
 * auth. The rotated refresh token replaces the old one at once. With no refresh token, nothing to
 * narrow to, or a refresh token that failed before, the check is skipped (skip(reason)).
 * TEST_NAME, REQUIRED and env come from the script's preamble (src/generate/scripts/security.ts).
 */
function skip(reason) {
  pm.test.skip(TEST_NAME + ' (skipped: ' + reason + ')', function () {});
  pm.execution.skipRequest();
}
var refreshToken = env.get('refreshToken');
var narrowed = String(env.get('scopes') || '').split(/\s+/).filter(function (s) { return s && REQUIRED.indexOf(s) < 0; });
if (!refreshToken) return skip('no refreshToken in the environment to narrow a token with');
if (narrowed.length === 0) return skip('the environment grants no scope besides ' + REQUIRED.join(' '));
if (pm.collectionVariables.get(FAILED_REFRESH_VARIABLE) === sha256(refreshToken)) return skip('the refresh token failed before');
pm.sendRequest(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: narrowed.join(' ') }), function (err, res) {
  var answer = {};
  try { answer = res.json(); } catch (e) { answer = {}; }
  if (!err && res.code === 200 && typeof answer.refresh_token === 'string' && answer.refresh_token) env.set('refreshToken', answer.refresh_token);
  if (err || res.code !== 200 || !answer.access_token) {
    if (err || res.code !== 200) pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(refreshToken));
    pm.test(TEST_NAME, function () { pm.expect.fail('no narrower token: ' + tokenError(err, res)); });
    return pm.execution.skipRequest();
  }
  pm.variables.set(NARROW_TOKEN_VARIABLE, answer.access_token);
});
