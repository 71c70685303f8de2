/* global env, TOKEN_PATHS, TOKEN_FAILURE_VARIABLE, TOKEN_TRIED_VARIABLE, EXPIRY_SKEW_MS, isWrite, isProduction, acquireByRefresh, acquireByAuthorizationCode, headlessRedirectUri, harnessTokens, notSent, inNegativeFolder, negativeCasesOff */
/**
 * The body of the collection's pre-request script (it runs inside a function, hence the bare
 * `return`s): skips writes against production unless allowWrites is "true", keeps a valid access
 * token, else gets one by refresh or, with a loopback redirect URI, by authorization code (the
 * collection's first request, token-item.js, normally has by then: this covers runs of single folders
 * and a token that expires mid-run). Requests to the token endpoint are left alone. One acquisition
 * per run: after the token step failed, a request that needs a token is not sent (notSent: one
 * skipped test each, the reason was reported once) and no token request is made again; when
 * `pleo-postman test` got the tokens itself (harnessTokens()), none is made at all. A negative case
 * that its own guard skips (negative-guard.js, after this script) needs no token: none is got for it
 * and it is not counted among the requests not sent for want of one.
 * PRODUCTION_API_BASE_URL, EXPIRY_SKEW_MS, LOOPBACK and env come from the script's preamble
 * (src/generate/scripts/token.ts).
 */
var path = pm.request.url.getPath();
if (TOKEN_PATHS.indexOf(path) >= 0) return; // a token request (token-item.js, security-narrow.js) authenticates the client itself
if (isProduction() && String(pm.variables.get('allowWrites')) !== 'true' && isWrite(pm.request.method, path)) {
  console.warn('pleo-postman: skipped ' + pm.request.method + ' ' + path + ': a write against production (set allowWrites=true to send it)');
  pm.execution.skipRequest();
  return;
}
if (inNegativeFolder() && negativeCasesOff()) return;
var noauth = pm.request.auth && pm.request.auth.type === 'noauth';
var harness = harnessTokens();
// After the token step failed, a request without auth (the Security folder's 401 checks) goes out as it is.
if (harness || pm.variables.get(TOKEN_FAILURE_VARIABLE)) {
  if (!noauth && (harness ? harness.failure : true)) notSent();
  return;
}
var accessToken = env.get('accessToken');
var expiresAt = Number(env.get('accessTokenExpiresAt') || 0);
if (accessToken && (!expiresAt || Date.now() < expiresAt - EXPIRY_SKEW_MS)) return;
if (pm.variables.get(TOKEN_TRIED_VARIABLE)) return;
var refreshToken = env.get('refreshToken');
if (refreshToken) return acquireByRefresh(refreshToken);
if (headlessRedirectUri()) return acquireByAuthorizationCode();
