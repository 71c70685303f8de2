/* exported acquireByRefresh */
// @ts-nocheck

/* global FAILED_REFRESH_VARIABLE, TOKEN_FAILURE_VARIABLE, sha256, tokenRequest, tokenError, storeTokens, failed, notSent */
/**
 * acquireByRefresh(refreshToken): the refresh_token grant. A refresh token that failed is
 * remembered by its SHA-256 in the collection variable FAILED_REFRESH_VARIABLE
 * (pleoFailedRefreshToken) and never sent again: Pleo revokes the grant when a rotated one is replayed;
 * each later request fails once, with the reason the token step failed, and is not sent.
 * @see RFC 6749 §6 https://www.rfc-editor.org/rfc/rfc6749.html#section-6
 */
function acquireByRefresh(refreshToken) {
  var testName = 'token: refresh_token grant → access token (RFC 6749 §6)';
  if (pm.collectionVariables.get(FAILED_REFRESH_VARIABLE) === sha256(refreshToken)) {
    var reason = pm.collectionVariables.get(TOKEN_FAILURE_VARIABLE) || 'this refresh token was refused before';
    return notSent('token: not sent, the token step failed', reason);
  }
  pm.sendRequest(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }), function (err, res) {
    if (err || res.code !== 200) {
      pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(refreshToken));
      return failed(testName, tokenError(err, res));
    }
    storeTokens(testName, res);
  });
}
