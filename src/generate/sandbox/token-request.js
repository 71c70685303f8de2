/* exported tokenRequest, formBody, tokenError, networkError, sha256 */
/**
 * Token endpoint helpers, shared by the token acquisition and the security folder's narrowing:
 * tokenRequest(params, path) builds a pm.sendRequest request to {{authServerUrl}} and `path` (the
 * description's token path, or its refresh path for a refresh_token grant: the callers name it), with the
 * client in a Basic header, each part form-encoded first (formEncode); tokenError(err, res) says why
 * a token request failed; networkError(err) says what failed in a network error as the sandbox hands
 * it over (a plain object with code, address and port, and no message); sha256(text) is a hex digest,
 * used to remember a failed refresh token without storing it. formBody(params) is the same parameters
 * as an application/x-www-form-urlencoded body, for the token requests that are collection items
 * (token-item.js, security-narrow.js).
 * @see RFC 6749 §2.3.1 https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1
 */
function formEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); }).replace(/%20/g, '+');
}
function tokenRequest(params, path) {
  var CryptoJS = require('crypto-js');
  var client = formEncode(pm.environment.get('clientId') || '') + ':' + formEncode(pm.environment.get('clientSecret') || '');
  return {
    url: pm.environment.get('authServerUrl') + path,
    method: 'POST',
    header: { Authorization: 'Basic ' + CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(client)), Accept: 'application/json' },
    body: { mode: 'urlencoded', urlencoded: Object.keys(params).map(function (key) { return { key: key, value: params[key] }; }) }
  };
}
function formBody(params) {
  return Object.keys(params).map(function (key) { return formEncode(key) + '=' + formEncode(String(params[key])); }).join('&');
}
function networkError(err) {
  var code = err && err.code ? String(err.code) : '';
  var where = err && err.address ? err.address + (err.port ? ':' + err.port : '') : (err && err.hostname) || '';
  if (code === 'ECONNREFUSED') return 'connection refused at ' + where + ' (ECONNREFUSED)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found: ' + where + ' (' + code + ')';
  if (/TIMEDOUT$/.test(code)) return 'timed out' + (where ? ' at ' + where : '') + ' (' + code + ')';
  if (code === 'ECONNRESET') return 'connection reset' + (where ? ' by ' + where : '') + ' (ECONNRESET)';
  if (/CERT|SELF_SIGNED|TLS|SSL|EPROTO|UNABLE_TO_VERIFY/.test(code)) return 'TLS error' + (where ? ' at ' + where : '') + ' (' + code + ')';
  if (err && err.message) return String(err.message) + (code && String(err.message).indexOf(code) < 0 ? ' (' + code + ')' : '');
  return code ? code + (where ? ' at ' + where : '') : 'no response (' + JSON.stringify(err) + ')';
}
function tokenError(err, res) {
  if (err) return 'token endpoint unreachable: ' + networkError(err);
  var body;
  try { body = res.json(); } catch (e) { body = {}; }
  return 'token endpoint answered ' + res.code + (body.error ? ' ' + body.error : '') + (body.error_description ? ': ' + body.error_description : '');
}
function sha256(text) {
  return require('crypto-js').SHA256(text).toString();
}
