/* global env, TOKEN_BODY_VARIABLE, FAILED_REFRESH_VARIABLE, sha256, tokenError, storeTokens, failedAfterResponse */
/**
 * The body of the test script of "Get access token" (see token-item.js): stores the token response
 * (the rotated refresh token first, storeTokens), or fails with the reason. Nothing is sent again:
 * a refused refresh token is remembered by its SHA-256 and never sent again; one whose answer was
 * lost (no response: reset, closed, timed out) may be spent, so the run does not try again either.
 * The form body is cleared. env comes from the script's preamble (src/generate/scripts/token-item.ts).
 */
var sent = String(pm.variables.get(TOKEN_BODY_VARIABLE) || '');
pm.variables.set(TOKEN_BODY_VARIABLE, '');
var refresh = /(^|&)grant_type=refresh_token(&|$)/.test(sent);
var testName = refresh ? 'token: refresh_token grant → access token (RFC 6749 §6)' : 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)';
if (!pm.response.code) {
  // A test script is not told why there was no response; asking again would resend the refresh token.
  return failedAfterResponse(testName, 'token endpoint gave no response (refused, reset, closed or timed out); the outcome is unknown, so the token request is not sent again in this run');
}
if (pm.response.code >= 400 && pm.response.code < 500 && refresh && env.get('refreshToken')) pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(env.get('refreshToken')));
if (pm.response.code !== 200) {
  // Before storeTokens reads it: a 5xx never rotates, and its refresh token is not sent again in this run.
  return failedAfterResponse(testName, tokenError(null, pm.response));
}
storeTokens(testName, pm.response);
