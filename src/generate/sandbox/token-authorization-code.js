/* exported acquireByAuthorizationCode, authorize, headlessRedirectUri */
/* global env, LOOPBACK, LOCAL_CALLBACK_PATH, AUTHORIZE_PATH, TOKEN_PATH, tokenRequest, tokenError, networkError, storeTokens, failed */
/**
 * authorize(testName, onCode, onFailure): the authorization request of Authorization Code with PKCE
 * S256 against a loopback redirect (the local mock's `GET /callback`, which echoes `{code, state}`):
 * pm.sendRequest follows the authorisation server's 302 to it; onCode(exchange) gets the token
 * request's parameters, onFailure() runs after a failure was reported.
 * acquireByAuthorizationCode(): authorize, then the code exchanged at the token endpoint by pm.sendRequest.
 * The authorization request goes to {{authServerUrl}} and the description's AUTHORIZE_PATH: it is sent
 * only to an authorisation server on loopback, the local mock, which serves both endpoints.
 * randomString(length) uses Math.random: it only ever protects a code on the loopback interface.
 * base64url(words) encodes a crypto-js word array without padding.
 * @see RFC 7636 §4.1-§4.2 https://www.rfc-editor.org/rfc/rfc7636.html#section-4.1
 */
/**
 * headlessRedirectUri(): the redirect URI of the headless flow, or '' when there is none: an
 * environment's own loopback {{redirectUri}} if it sets one; else {{authServerUrl}}/callback when the
 * authorisation server is on loopback (the local mock registers http://127.0.0.1/callback at any
 * port, RFC 8252 §7.3), so a mock on another port is a change of {{authServerUrl}} alone.
 */
function headlessRedirectUri() {
  var set = env.get('redirectUri');
  if (set) return LOOPBACK.test(set) ? set : '';
  var derived = String(env.get('authServerUrl') || '').replace(/\/+$/, '') + LOCAL_CALLBACK_PATH;
  return LOOPBACK.test(derived) ? derived : '';
}
function randomString(length) {
  var chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~', out = '';
  for (var i = 0; i < length; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));
  return out;
}
function base64url(words) {
  return require('crypto-js').enc.Base64.stringify(words).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function authorize(testName, onCode, onFailure) {
  var redirectUri = headlessRedirectUri();
  var verifier = randomString(64);
  var state = randomString(24);
  var query = {
    response_type: 'code', client_id: env.get('clientId'), redirect_uri: redirectUri, scope: env.get('scopes') || '',
    state: state, code_challenge: base64url(require('crypto-js').SHA256(verifier)), code_challenge_method: 'S256'
  };
  var url = env.get('authServerUrl') + AUTHORIZE_PATH + '?' + Object.keys(query).map(function (k) { return k + '=' + encodeURIComponent(query[k]); }).join('&');
  pm.sendRequest({ url: url, method: 'GET', header: { Accept: 'application/json' } }, function (err, res) {
    var answer;
    try { answer = res.json(); } catch (e) { answer = {}; }
    if (err) {
      failed(testName, 'authorization endpoint unreachable: ' + networkError(err));
      return onFailure();
    }
    if (!answer.code) {
      if (answer.error) failed(testName, 'authorization failed: ' + answer.error + (answer.error_description ? ': ' + answer.error_description : ''));
      else console.warn('pleo-postman: no authorization code without a browser (start the mock with --auto-approve, pass refreshToken, or click "Get New Access Token")');
      return onFailure();
    }
    if (answer.state !== state) {
      failed(testName, 'the redirect carried another state (RFC 6749 §10.12)');
      return onFailure();
    }
    onCode({ grant_type: 'authorization_code', code: answer.code, redirect_uri: redirectUri, code_verifier: verifier });
  });
}
function acquireByAuthorizationCode() {
  var testName = 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)';
  authorize(testName, function (exchange) {
    pm.sendRequest(tokenRequest(exchange, TOKEN_PATH), function (err, res) {
      if (err || res.code !== 200) return failed(testName, tokenError(err, res));
      storeTokens(testName, res);
    });
  }, function () {});
}
