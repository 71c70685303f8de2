/* exported storeTokens, failed, failedAfterResponse, notSent */
// @ts-nocheck

/* global env, TOKEN_FAILURE_VARIABLE */
/**
 * storeTokens(testName, res): stores a token response: the rotated refresh token first, at once,
 * then the access token and its expiry; one test checks that an access token of type Bearer came.
 * failed(testName, message): a failing test that says why no token came; the reason is kept in the
 * collection variable TOKEN_FAILURE_VARIABLE (pleoTokenFailure) for the requests after it, and the
 * request is not sent (without a token it could only fail, with noise). notSent(testName, message):
 * the same failing test and skip, for a later request, keeping the first reason.
 * `env` is pm.environment (set by the script's preamble).
 */
function storeTokens(testName, res) {
  var body = {};
  try { body = res.json(); } catch (e) { body = {}; }
  if (typeof body.refresh_token === 'string' && body.refresh_token) env.set('refreshToken', body.refresh_token);
  pm.test(testName, function () {
    if (typeof body.access_token !== 'string' || !body.access_token) pm.expect.fail('the token response has no access_token');
    if (!/^bearer$/i.test(String(body.token_type))) pm.expect.fail('token_type is "' + body.token_type + '", not Bearer');
  });
  if (body.access_token && pm.collectionVariables.get(TOKEN_FAILURE_VARIABLE)) pm.collectionVariables.set(TOKEN_FAILURE_VARIABLE, '');
  env.set('accessToken', body.access_token || '');
  env.set('accessTokenExpiresAt', body.expires_in ? String(Date.now() + Number(body.expires_in) * 1000) : '');
}
function notSent(testName, message) {
  pm.test(testName, function () { pm.expect.fail(message + '; request not sent'); });
  pm.execution.skipRequest();
}
function failed(testName, message) {
  pm.collectionVariables.set(TOKEN_FAILURE_VARIABLE, message);
  notSent(testName, message);
}
function failedAfterResponse(testName, message) {
  pm.collectionVariables.set(TOKEN_FAILURE_VARIABLE, message);
  pm.test(testName, function () { pm.expect.fail(message); });
}
