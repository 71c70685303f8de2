/**
 * Names of the collection and local variables that the generated scripts share. The sandbox files
 * (src/generate/sandbox/*.js) refer to some of them by these names, as identifiers that the build of
 * the collection replaces with the quoted value (see sandbox.ts).
 */

/** Collection variable holding the contract library's source, evaluated by every request's test script. */
export const CONTRACT_LIB_VARIABLE = 'pleoContractLib';

/** Collection variable holding the SHA-256 of a refresh token that failed: it is never sent again. */
export const FAILED_REFRESH_VARIABLE = 'pleoFailedRefreshToken';

/** Collection variable that carries the narrowed access token into the 403 request's Bearer auth. */
export const NARROW_TOKEN_VARIABLE = 'pleoNarrowAccessToken';

/** Local variable holding the form body of a token request item (`{{pleoTokenRequestBody}}`), set by its pre-request script. */
export const TOKEN_BODY_VARIABLE = 'pleoTokenRequestBody';

/** Collection variable holding why the token step failed, so later requests report it and are not sent. */
export const TOKEN_FAILURE_VARIABLE = 'pleoTokenFailure';

/** Collection variable holding the negative cases' library (src/generate/sandbox/negative.js), evaluated by each case's test script. */
export const NEGATIVE_LIB_VARIABLE = 'pleoNegativeLib';

/** The generated folder of negative cases (src/generate/negative); the token script knows its requests by it. */
export const NEGATIVE_FOLDER_NAME = 'Negative';

/** Variable that lets the Negative folder's requests go out: "true" in the local environment, set by `test --negative` for staging. */
export const NEGATIVE_TESTS_VARIABLE = 'negativeTests';
/** Local variable set once the run's token acquisition was tried and gave no token: it is not tried again. */
export const TOKEN_TRIED_VARIABLE = 'pleoTokenTried';

/**
 * Variable the harness (`pleo-postman test`) sets when it got the run's tokens itself: JSON
 * `{ test, failure?, narrow: {scopes: token}, narrowSkipped: {scopes: reason} }`. With it the
 * collection's scripts send no token request at all.
 */
export const HARNESS_TOKENS_VARIABLE = 'pleoHarnessTokens';

/** Environment variable that marks the production environment ("true"), so a renamed or proxied URL is still guarded. */
export const PRODUCTION_VARIABLE = 'pleoProduction';
