/* exported acquireByRefresh */
/* global FAILED_REFRESH_VARIABLE, sha256, tokenRequest, tokenError, storeTokens, failed */
/**
 * acquireByRefresh(refreshToken): the refresh_token grant. A refresh token that failed is
 * remembered by its SHA-256 in the collection variable FAILED_REFRESH_VARIABLE
 * (pleoFailedRefreshToken) and never sent again: Pleo revokes the grant when a rotated one is replayed.
 * @see RFC 6749 §6 https://www.rfc-editor.org/rfc/rfc6749.html#section-6
 */
function acquireByRefresh(refreshToken) {
  var testName = 'token: refresh_token grant → access token (RFC 6749 §6)';
  if (pm.collectionVariables.get(FAILED_REFRESH_VARIABLE) === sha256(refreshToken)) {
    console.warn('pleo-postman: this refresh token failed before; not sending it again (Pleo revokes the grant on replay). Pass a new refreshToken.');
    return;
  }
  pm.sendRequest(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }), function (err, res) {
    if (err || res.code !== 200) {
      pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(refreshToken));
      return failed(testName, tokenError(err, res));
    }
    storeTokens(testName, res);
  });
}
