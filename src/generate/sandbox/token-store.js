/* exported storeTokens, failed, failedAfterResponse, notSent, harnessTokens, gaveUp */
/* global env, TOKEN_FAILURE_VARIABLE, TOKEN_TRIED_VARIABLE, HARNESS_TOKENS_VARIABLE */
/**
 * storeTokens(testName, res): stores a token response: the rotated refresh token first, at once,
 * whatever else is wrong with the answer; then the access token and its expiry; one test checks that
 * an access token of type Bearer came. A 200 without one ends the run's acquisition (gaveUp): its
 * refresh token may be spent, so it is not sent again.
 * failed(testName, message): a failing test that says why no token came; the reason is kept in the
 * local (run-long) variable TOKEN_FAILURE_VARIABLE for the requests after it, and the request is not
 * sent. failedAfterResponse: the same from a test script. notSent(): a later request that needs a
 * token: not sent, recorded as one skipped test (the reason was reported once, by the token step).
 * gaveUp(): the run tried to get a token and got none: it is not tried again in this run.
 * harnessTokens(): what `pleo-postman test` got before the run (HARNESS_TOKENS_VARIABLE), or null: then
 * the scripts send no token request at all.
 * `env` is pm.environment (set by the script's preamble).
 */
function harnessTokens() {
  var text = pm.variables.get(HARNESS_TOKENS_VARIABLE);
  if (!text) return null;
  try { return JSON.parse(text); } catch (e) { return { test: 'token: from pleo-postman test', failure: 'the harness tokens variable is not JSON' }; }
}
function gaveUp() {
  pm.variables.set(TOKEN_TRIED_VARIABLE, 'true');
}
function storeTokens(testName, res) {
  var body = {};
  try { body = res.json(); } catch (e) { body = {}; }
  if (body && typeof body.refresh_token === 'string' && body.refresh_token) env.set('refreshToken', body.refresh_token);
  var usable = body && typeof body.access_token === 'string' && body.access_token && /^bearer$/i.test(String(body.token_type));
  pm.test(testName, function () {
    if (!body || typeof body.access_token !== 'string' || !body.access_token) pm.expect.fail('the token response has no access_token');
    if (!/^bearer$/i.test(String(body.token_type))) pm.expect.fail('token_type is "' + body.token_type + '", not Bearer');
  });
  if (!usable) {
    env.set('accessToken', '');
    gaveUp();
    pm.variables.set(TOKEN_FAILURE_VARIABLE, 'the token response was not usable (no Bearer access_token)');
    return;
  }
  if (pm.variables.get(TOKEN_FAILURE_VARIABLE)) pm.variables.set(TOKEN_FAILURE_VARIABLE, '');
  env.set('accessToken', body.access_token);
  env.set('accessTokenExpiresAt', body.expires_in ? String(Date.now() + Number(body.expires_in) * 1000) : '');
}
function notSent() {
  pm.test.skip('token: not sent, the token step failed', function () {});
  pm.execution.skipRequest();
}
function failed(testName, message) {
  gaveUp();
  pm.variables.set(TOKEN_FAILURE_VARIABLE, message);
  pm.test(testName, function () { pm.expect.fail(message + '; request not sent'); });
  pm.execution.skipRequest();
}
function failedAfterResponse(testName, message) {
  gaveUp();
  pm.variables.set(TOKEN_FAILURE_VARIABLE, message);
  pm.test(testName, function () { pm.expect.fail(message); });
}
