/**
 * Names of the collection and local variables that the generated scripts share. The sandbox files
 * (src/generate/sandbox/*.js) refer to some of them by these names, as identifiers that the build of
 * the collection replaces with the quoted value (see sandbox.ts).
 */
// @ts-nocheck


/** Collection variable that holds every named schema as draft-07 `definitions`. */
export const SCHEMAS_VARIABLE = 'pleoSchemas';

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
