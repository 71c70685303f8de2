import type { ApiDescription } from '../../description/index.js';
import { LOOPBACK_URL } from '../environments.js';
import { iife, lit } from './js.js';
import { TOKEN_REQUEST_JS } from './sandbox-lib.js';
import { IS_WRITE_JS } from './writes.js';

/** Collection variable holding the SHA-256 of a refresh token that failed: it is never sent again. */
export const FAILED_REFRESH_VARIABLE = 'pleoFailedRefreshToken';

/** Stores a token response: the rotated refresh token first, at once, then the access token and its expiry. */
const STORE_TOKENS_JS = `function storeTokens(testName, res) {
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
}`;

/** @see [RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749.html#section-6) */
const REFRESH_JS = `function acquireByRefresh(refreshToken) {
  var testName = 'token: refresh_token grant → access token (RFC 6749 §6)';
  if (pm.collectionVariables.get('${FAILED_REFRESH_VARIABLE}') === sha256(refreshToken)) {
    console.warn('pleo-postman: this refresh token failed before; not sending it again (Pleo revokes the grant on replay). Pass a new refreshToken.');
    return;
  }
  pm.sendRequest(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }), function (err, res) {
    if (err || res.code !== 200) {
      pm.collectionVariables.set('${FAILED_REFRESH_VARIABLE}', sha256(refreshToken));
      return failed(testName, tokenError(err, res));
    }
    storeTokens(testName, res);
  });
}`;

/**
 * Authorization Code with PKCE against a loopback redirect (the local mock's `GET /callback`, which
 * echoes `{code, state}`): pm.sendRequest follows the authorisation server's 302 to it.
 * The verifier uses Math.random: it only ever protects a code on the loopback interface.
 * @see [RFC 7636 §4.1-§4.2](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.1)
 */
const AUTHORIZATION_CODE_JS = `function randomString(length) {
  var chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~', out = '';
  for (var i = 0; i < length; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));
  return out;
}
function base64url(words) {
  return require('crypto-js').enc.Base64.stringify(words).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
}
function acquireByAuthorizationCode() {
  var testName = 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)';
  var verifier = randomString(64);
  var state = randomString(24);
  var query = {
    response_type: 'code', client_id: env.get('clientId'), redirect_uri: env.get('redirectUri'), scope: env.get('scopes') || '',
    state: state, code_challenge: base64url(require('crypto-js').SHA256(verifier)), code_challenge_method: 'S256'
  };
  var url = env.get('authServerUrl') + '/oauth/authorize?' + Object.keys(query).map(function (k) { return k + '=' + encodeURIComponent(query[k]); }).join('&');
  pm.sendRequest({ url: url, method: 'GET', header: { Accept: 'application/json' } }, function (err, res) {
    var answer = {};
    try { answer = res.json(); } catch (e) { answer = {}; }
    if (err || !answer.code) {
      if (answer.error) return failed(testName, 'authorization failed: ' + answer.error + (answer.error_description ? ': ' + answer.error_description : ''));
      return console.warn('pleo-postman: no authorization code without a browser (start the mock with --auto-approve, pass refreshToken, or click "Get New Access Token")');
    }
    if (answer.state !== state) return failed(testName, 'the redirect carried another state (RFC 6749 §10.12)');
    var exchange = { grant_type: 'authorization_code', code: answer.code, redirect_uri: env.get('redirectUri'), code_verifier: verifier };
    pm.sendRequest(tokenRequest(exchange), function (err2, res2) {
      if (err2 || res2.code !== 200) return failed(testName, tokenError(err2, res2));
      storeTokens(testName, res2);
    });
  });
}`;

const MAIN_JS = `var path = pm.request.url.getPath();
if (env.get('apiBaseUrl') === PRODUCTION_API_BASE_URL && String(pm.variables.get('allowWrites')) !== 'true' && isWrite(pm.request.method, path)) {
  console.warn('pleo-postman: skipped ' + pm.request.method + ' ' + path + ': a write against production (set allowWrites=true to send it)');
  pm.execution.skipRequest();
  return;
}
var accessToken = env.get('accessToken');
var expiresAt = Number(env.get('accessTokenExpiresAt') || 0);
if (accessToken && (!expiresAt || Date.now() < expiresAt - EXPIRY_SKEW_MS)) return;
var refreshToken = env.get('refreshToken');
if (refreshToken) return acquireByRefresh(refreshToken);
if (LOOPBACK.test(env.get('redirectUri') || '')) return acquireByAuthorizationCode();`;

const HEADER = `// pleo-postman: gets an access token when none is valid, so the collection runs without a browser (Newman).
// 1. A set {{accessToken}} is used until 30 s before {{accessTokenExpiresAt}} (no expiry set: always).
// 2. With {{refreshToken}}: the refresh_token grant, the client in a Basic header. Pleo rotates refresh
//    tokens, so the new one replaces the old in the environment at once; a refresh token that failed is
//    never sent again (replaying a rotated one revokes the whole grant).
// 3. With a loopback {{redirectUri}} (the local mock, started with auto-approve): Authorization Code with
//    PKCE S256, verifier and challenge computed here.
// 4. Otherwise nothing: in the Postman app, "Get New Access Token" signs the requests as before.
// Requests run one after another and a token lasts the run, so there is one acquisition per run.
// Writes (not :search) against production are skipped unless the variable allowWrites is "true".`;

/** The collection-level pre-request script: token acquisition and the production write guard. */
export function tokenPrerequestScript(spec: ApiDescription): string {
  const constants = [
    `var PRODUCTION_API_BASE_URL = ${lit(spec.environments.production.apiBaseUrl)};`,
    'var EXPIRY_SKEW_MS = 30000;',
    `var LOOPBACK = ${String(LOOPBACK_URL)};`,
    'var env = pm.environment;',
  ];
  return [
    HEADER,
    iife(
      [...constants, IS_WRITE_JS, TOKEN_REQUEST_JS, STORE_TOKENS_JS, REFRESH_JS, AUTHORIZATION_CODE_JS, MAIN_JS].join(
        '\n',
      ),
    ),
  ].join('\n');
}
