/* global env, EXPIRY_SKEW_MS, REFRESH_URL, TOKEN_BODY_VARIABLE, FAILED_REFRESH_VARIABLE, TOKEN_TRIED_VARIABLE, sha256, formBody, authorize, headlessRedirectUri, harnessTokens, failed, gaveUp */
/**
 * The body of the pre-request script of the collection's first request, "Get access token" (it
 * runs inside a function, hence the bare `return`s). That request is a real item, POST
 * the token endpoint (the item's URL: {{authServerUrl}} and the description's token path) with its own Basic auth ({{clientId}}, {{clientSecret}}), because the
 * Postman CLI signs every pm.sendRequest of a v3 collection with the collection's inherited OAuth 2.0
 * auth (an empty Bearer header instead of the client's Basic one); a request's own auth it keeps.
 * This script only chooses the form body, into the local variable TOKEN_BODY_VARIABLE:
 * - `pleo-postman test` got the tokens itself (harnessTokens()): its result is this step's one test,
 *   and the request is skipped;
 * - the run already tried and got no token: skipped (one acquisition per run);
 * - a valid access token: the request is skipped;
 * - a refresh token (not one that failed before): the refresh_token grant (at REFRESH_URL, when the
 *   preamble names one: the description's refresh endpoint of its own);
 * - a loopback redirect URI (the local mock): the authorization request by pm.sendRequest (a GET
 *   that needs no client authentication), then the code exchange;
 * - otherwise (the Postman app): skipped, "Get New Access Token" signs the requests.
 * env, EXPIRY_SKEW_MS and LOOPBACK come from the script's preamble (src/generate/scripts/token-item.ts).
 * @see RFC 6749 §6 https://www.rfc-editor.org/rfc/rfc6749.html#section-6
 */
var harness = harnessTokens();
if (harness) {
  if (harness.failure) return failed(harness.test, harness.failure);
  pm.test(harness.test, function () {});
  return pm.execution.skipRequest();
}
if (pm.variables.get(TOKEN_TRIED_VARIABLE)) return pm.execution.skipRequest();
var accessToken = env.get('accessToken');
var expiresAt = Number(env.get('accessTokenExpiresAt') || 0);
if (accessToken && (!expiresAt || Date.now() < expiresAt - EXPIRY_SKEW_MS)) return pm.execution.skipRequest();
var refreshToken = env.get('refreshToken');
if (refreshToken) {
  if (pm.collectionVariables.get(FAILED_REFRESH_VARIABLE) === sha256(refreshToken)) {
    console.warn('pleo-postman: this refresh token failed before; not sending it again (Pleo revokes the grant on replay). Pass a new refreshToken.');
    return pm.execution.skipRequest();
  }
  if (typeof REFRESH_URL === 'string') pm.request.url.update(REFRESH_URL);
  return pm.variables.set(TOKEN_BODY_VARIABLE, formBody({ grant_type: 'refresh_token', refresh_token: refreshToken }));
}
if (!headlessRedirectUri()) return pm.execution.skipRequest();
authorize('token: authorization code with PKCE S256 → access token (RFC 7636 §4)', function (exchange) {
  pm.variables.set(TOKEN_BODY_VARIABLE, formBody(exchange));
}, function () {
  gaveUp();
  pm.execution.skipRequest();
});
