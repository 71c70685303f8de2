/* global env, TEST_NAME, FAILED_REFRESH_VARIABLE, NARROW_TOKEN_VARIABLE, TOKEN_BODY_VARIABLE, sha256, tokenError */
// @ts-nocheck

/**
 * The body of the test script of a Security folder's "narrower token" request (see security-narrow.js):
 * the rotated refresh token replaces the old one at once; the narrower access token goes into the
 * collection variable NARROW_TOKEN_VARIABLE for the 403 probe's Bearer auth. A refused refresh fails
 * TEST_NAME with the reason and its refresh token is never sent again.
 */
var answer;
try { answer = pm.response.json(); } catch (e) { answer = {}; }
pm.variables.set(TOKEN_BODY_VARIABLE, '');
if (pm.response.code === 200 && typeof answer.refresh_token === 'string' && answer.refresh_token) env.set('refreshToken', answer.refresh_token);
if (pm.response.code !== 200 || !answer.access_token) {
  if (pm.response.code !== 200 && env.get('refreshToken')) pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(env.get('refreshToken')));
  pm.test(TEST_NAME, function () { pm.expect.fail('no narrower token: ' + tokenError(null, pm.response)); });
  return;
}
pm.collectionVariables.set(NARROW_TOKEN_VARIABLE, answer.access_token);
