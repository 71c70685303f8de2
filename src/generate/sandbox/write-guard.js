/* exported isWrite, isProduction, normalisedUrl */
/* global env, PRODUCTION_API_BASE_URL, PRODUCTION_VARIABLE, TOKEN_PATHS */
/**
 * isWrite(method, path): whether a request writes: any method but GET/HEAD/OPTIONS, unless it is a
 * Pleo search (`POST …:search`) or a token request (`POST` to the token endpoint's path or the refresh
 * endpoint's, TOKEN_PATHS: the token request items' paths are exactly these). The same rule as isWriteRequest in src/generate/scripts/writes.ts,
 * for the collection's production write guard (token-main.js).
 * isProduction(): whether this request goes to production: the environment says so
 * ({{pleoProduction}} is "true", as in the production environment file), or its URL or
 * {{apiBaseUrl}} is the production API or under it, however spelt: normalisedUrl is the same rule
 * as src/run/target/production.ts (case of scheme and host, default port, dot segments, slashes).
 * @see RFC 9110 §9.2.1 https://www.rfc-editor.org/rfc/rfc9110.html#section-9.2.1
 * @see RFC 3986 §6.2.2 https://www.rfc-editor.org/rfc/rfc3986.html#section-6.2.2
 */
function isWrite(method, path) {
  var safe = ['GET', 'HEAD', 'OPTIONS'];
  var bare = String(path).split('?')[0];
  return safe.indexOf(String(method).toUpperCase()) < 0 && !/:search$/.test(bare) && TOKEN_PATHS.indexOf(bare) < 0;
}
function normalisedUrl(url) {
  var match = /^\s*([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(String(url));
  if (!match) return '';
  var scheme = match[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return '';
  var authority = match[2].replace(/^.*@/, '').toLowerCase();
  var port = /:(\d*)$/.exec(authority);
  var host = (port ? authority.slice(0, port.index) : authority).replace(/\.$/, '');
  var portText = port && port[1] ? String(Number(port[1])) : '';
  var hostPort = portText && portText !== { http: '80', https: '443' }[scheme] ? host + ':' + portText : host;
  var out = [];
  match[3].split('/').forEach(function (segment) {
    var s = segment.replace(/%2e/gi, '.');
    if (s === '.') return;
    if (s === '..') out.pop();
    else out.push(segment);
  });
  var path = out.filter(function (s, i) { return s !== '' || i === 0; }).join('/').replace(/\/+$/, '');
  return scheme + '://' + hostPort + path;
}
function isProduction() {
  if (String(env.get(PRODUCTION_VARIABLE)) === 'true') return true;
  var production = normalisedUrl(PRODUCTION_API_BASE_URL);
  var under = function (url) {
    var target = normalisedUrl(url);
    return production !== '' && target !== '' && (target === production || target.indexOf(production + '/') === 0);
  };
  return under(pm.variables.replaceIn(String(env.get('apiBaseUrl') || ''))) || under(pm.variables.replaceIn(pm.request.url.toString()));
}
