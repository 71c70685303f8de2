/* exported acquireByAuthorizationCode, authorize */
/* global env, tokenRequest, tokenError, storeTokens, failed */
/**
 * authorize(testName, onCode, onFailure): the authorization request of Authorization Code with PKCE
 * S256 against a loopback redirect (the local mock's `GET /callback`, which echoes `{code, state}`):
 * pm.sendRequest follows the authorisation server's 302 to it; onCode(exchange) gets the token
 * request's parameters, onFailure() runs after a failure was reported.
 * acquireByAuthorizationCode(): authorize, then the code exchanged at the token endpoint by pm.sendRequest.
 * randomString(length) uses Math.random: it only ever protects a code on the loopback interface.
 * base64url(words) encodes a crypto-js word array without padding.
 * @see RFC 7636 §4.1-§4.2 https://www.rfc-editor.org/rfc/rfc7636.html#section-4.1
 */
function randomString(length) {
  var chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~', out = '';
  for (var i = 0; i < length; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));
  return out;
}
function base64url(words) {
  return require('crypto-js').enc.Base64.stringify(words).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function authorize(testName, onCode, onFailure) {
  var verifier = randomString(64);
  var state = randomString(24);
  var query = {
    response_type: 'code', client_id: env.get('clientId'), redirect_uri: env.get('redirectUri'), scope: env.get('scopes') || '',
    state: state, code_challenge: base64url(require('crypto-js').SHA256(verifier)), code_challenge_method: 'S256'
  };
  var url = env.get('authServerUrl') + '/oauth/authorize?' + Object.keys(query).map(function (k) { return k + '=' + encodeURIComponent(query[k]); }).join('&');
  pm.sendRequest({ url: url, method: 'GET', header: { Accept: 'application/json' } }, function (err, res) {
    var answer;
    try { answer = res.json(); } catch (e) { answer = {}; }
    if (err || !answer.code) {
      if (answer.error) failed(testName, 'authorization failed: ' + answer.error + (answer.error_description ? ': ' + answer.error_description : ''));
      else console.warn('pleo-postman: no authorization code without a browser (start the mock with --auto-approve, pass refreshToken, or click "Get New Access Token")');
      return onFailure();
    }
    if (answer.state !== state) {
      failed(testName, 'the redirect carried another state (RFC 6749 §10.12)');
      return onFailure();
    }
    onCode({ grant_type: 'authorization_code', code: answer.code, redirect_uri: env.get('redirectUri'), code_verifier: verifier });
  });
}
function acquireByAuthorizationCode() {
  var testName = 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)';
  authorize(testName, function (exchange) {
    pm.sendRequest(tokenRequest(exchange), function (err, res) {
      if (err || res.code !== 200) return failed(testName, tokenError(err, res));
      storeTokens(testName, res);
    });
  }, function () {});
}
