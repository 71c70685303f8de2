/* exported storeTokens, failed */
/* global env */
/**
 * storeTokens(testName, res): stores a token response: the rotated refresh token first, at once,
 * then the access token and its expiry; one test checks that an access token of type Bearer came.
 * failed(testName, message): a failing test that says why no token came.
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
  env.set('accessToken', body.access_token || '');
  env.set('accessTokenExpiresAt', body.expires_in ? String(Date.now() + Number(body.expires_in) * 1000) : '');
}
function failed(testName, message) {
  pm.test(testName, function () { pm.expect.fail(message); });
}
