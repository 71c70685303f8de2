/* exported acquireByRefresh */
/* global REFRESH_PATH, FAILED_REFRESH_VARIABLE, TOKEN_FAILURE_VARIABLE, sha256, tokenRequest, tokenError, storeTokens, failed, notSent */
/**
 * acquireByRefresh(refreshToken): the refresh_token grant, at the description's REFRESH_PATH (its token
 * path unless it has a refresh endpoint of its own). A refresh token that failed is
 * remembered by its SHA-256 in the collection variable FAILED_REFRESH_VARIABLE
 * (pleoFailedRefreshToken) and never sent again: Pleo revokes the grant when a rotated one is replayed;
 * after a failure, the run sends no token request again (token-main.js); a request that needs one is not sent.
 * @see RFC 6749 §6 https://www.rfc-editor.org/rfc/rfc6749.html#section-6
 */
function acquireByRefresh(refreshToken) {
  var testName = 'token: refresh_token grant → access token (RFC 6749 §6)';
  if (pm.collectionVariables.get(FAILED_REFRESH_VARIABLE) === sha256(refreshToken)) {
    pm.variables.set(TOKEN_FAILURE_VARIABLE, 'this refresh token was refused before');
    return notSent();
  }
  pm.sendRequest(tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, REFRESH_PATH), function (err, res) {
    if (err || res.code !== 200) {
      // A refusal is remembered for good; any other failure (unknown outcome) ends this run's acquisitions.
      if (!err && res.code >= 400 && res.code < 500) pm.collectionVariables.set(FAILED_REFRESH_VARIABLE, sha256(refreshToken));
      return failed(testName, tokenError(err, res));
    }
    storeTokens(testName, res);
  });
}
