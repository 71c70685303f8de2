/* global env, TOKEN_BODY_VARIABLE, FAILED_REFRESH_VARIABLE, sha256, tokenError, networkError, storeTokens, failedAfterResponse */
// @ts-nocheck

/**
 * The body of the test script of "Get access token" (see token-item.js): stores the token response
 * (the rotated refresh token first, storeTokens), or fails with the reason; a refresh token that
 * was refused is remembered by its SHA-256 and never sent again. The form body is cleared.
 * env comes from the script's preamble (src/generate/scripts/token-item.ts).
 */
var sent = String(pm.variables.get(TOKEN_BODY_VARIABLE) || '');
pm.variables.set(TOKEN_BODY_VARIABLE, '');
var refresh = /(^|&)grant_type=refresh_token(&|$)/.test(sent);
var testName = refresh ? 'token: refresh_token grant → access token (RFC 6749 §6)' : 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)';
if (!pm.response.code) {
  // No response at all (connection refused, DNS, TLS, timeout): a test script is not told why, so ask
  // the token endpoint once more with pm.sendRequest, which hands over the network error.
  return pm.sendRequest({ url: env.get('authServerUrl') + '/oauth/token', method: 'POST' }, function (err, res) {
    failedAfterResponse(testName, err ? 'token endpoint unreachable: ' + networkError(err) : 'token endpoint gave no response to the token request (it answered ' + res.code + ' to a second one)');
  });
}
if (pm.response.code !== 200) {
  if (refresh && env.get('refreshToken')) pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(env.get('refreshToken')));
  return failedAfterResponse(testName, tokenError(null, pm.response));
}
storeTokens(testName, pm.response);
