/* exported isWrite */
// @ts-nocheck

/**
 * isWrite(method, path): whether a request writes: any method but GET/HEAD/OPTIONS, unless it is a
 * Pleo search (`POST …:search`) or a token request (`POST …/oauth/token`). The same rule as isWriteRequest in src/generate/scripts/writes.ts,
 * for the collection's production write guard (token-main.js).
 * @see RFC 9110 §9.2.1 https://www.rfc-editor.org/rfc/rfc9110.html#section-9.2.1
 */
function isWrite(method, path) {
  var safe = ['GET', 'HEAD', 'OPTIONS'];
  var bare = String(path).split('?')[0];
  return safe.indexOf(String(method).toUpperCase()) < 0 && !/:search$/.test(bare) && !/\/oauth\/token$/.test(bare);
}
