/* global env, TOKEN_BODY_VARIABLE, FAILED_REFRESH_VARIABLE, sha256, tokenError, storeTokens, failed */
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
if (pm.response.code !== 200) {
  if (refresh && env.get('refreshToken')) pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(env.get('refreshToken')));
  return failed(testName, tokenError(null, pm.response));
}
storeTokens(testName, pm.response);
