/* exported acquireByAuthorizationCode */
/* global env, tokenRequest, tokenError, storeTokens, failed */
/**
 * acquireByAuthorizationCode(): Authorization Code with PKCE S256 against a loopback redirect (the
 * local mock's `GET /callback`, which echoes `{code, state}`): pm.sendRequest follows the
 * authorisation server's 302 to it, then the code is exchanged at the token endpoint.
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
}
