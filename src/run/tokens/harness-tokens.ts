import { HARNESS_TOKENS_VARIABLE } from '../../generate/scripts/index.js';
import { LOCAL_CALLBACK_PATH } from '../../shared/local-pleo.js';
import { runEndpointUrls } from './endpoints.js';
import { narrowingsOf } from './narrowings.js';
import { acquireRunTokens, type RunTokens, type TokenEndpointValues } from './run-tokens.js';

/** What the harness needs of a run to get its tokens: the collection, its environment and overrides. */
export interface TokenRunInput {
  collection: { item?: unknown[]; auth?: unknown };
  environment: { values?: Array<{ key: string; value: unknown }> };
  envVars?: Record<string, string>;
  timeoutRequestMs?: number;
  /** Synchronous: each rotated refresh token, the moment it arrives (write it to disk). */
  onRefreshToken?: (token: string) => void;
}

/** What a run gets from the harness's acquisition: overrides for the runner, and what to redact. */
export interface HarnessTokens {
  /** `--env-var`s for the runner: the tokens, no refresh token (the runner never refreshes). */
  envVars: Record<string, string>;
  tokens?: RunTokens;
}

const valueIn = (input: TokenRunInput, key: string): string =>
  input.envVars?.[key] ?? String(input.environment.values?.find((v) => v.key === key)?.value ?? '');

/**
 * As the collection's token script does: the endpoints the collection names (its auth block, filled
 * from the environment), an environment's own redirectUri, else the local mock's callback.
 */
export const endpointValues = (input: TokenRunInput): TokenEndpointValues => ({
  authServerUrl: valueIn(input, 'authServerUrl'),
  ...endpointsOf(input),
  clientId: valueIn(input, 'clientId'),
  clientSecret: valueIn(input, 'clientSecret'),
  refreshToken: valueIn(input, 'refreshToken'),
  redirectUri:
    valueIn(input, 'redirectUri') || `${valueIn(input, 'authServerUrl').replace(/\/+$/, '')}${LOCAL_CALLBACK_PATH}`,
  scopes: valueIn(input, 'scopes'),
});

/** The authorization, token and refresh endpoints' URLs of a run (refreshUrl only when it is not the token URL). */
export function endpointsOf(input: TokenRunInput): { authorizeUrl: string; tokenUrl: string; refreshUrl?: string } {
  const urls = runEndpointUrls(input.collection, (name) => valueIn(input, name));
  return {
    authorizeUrl: urls.authorize,
    tokenUrl: urls.token,
    ...(urls.refresh !== urls.token ? { refreshUrl: urls.refresh } : {}),
  };
}

/** An access token the environment already holds and that is still valid: then nobody acquires one. */
export function presetToken(input: TokenRunInput): boolean {
  const token = valueIn(input, 'accessToken');
  const expiresAt = Number(valueIn(input, 'accessTokenExpiresAt') || 0);
  return token !== '' && (!expiresAt || Date.now() < expiresAt - 30_000);
}

/** True when an earlier step of this run (e.g. `--parallel`) already got the tokens. */
export const tokensOwned = (input: TokenRunInput): boolean => valueIn(input, HARNESS_TOKENS_VARIABLE) !== '';

/**
 * The harness owns the tokens of every run it makes, for both runners: it gets the access token and
 * every narrower token the Security folder needs before the runner starts (token-policy.ts; each
 * rotation handed to `onRefreshToken` at once), and hands them to the runner with the result of its
 * token step in HARNESS_TOKENS_VARIABLE, so the collection's scripts send no token request. Nothing is
 * acquired when the environment holds a valid access token, or when the tokens were got already.
 */
export async function harnessTokens(input: TokenRunInput): Promise<HarnessTokens> {
  // An API key, bearer or basic scheme has no token to get: its credentials are the environment's.
  const scheme = (input.collection.auth as { type?: unknown } | undefined)?.type;
  if (scheme !== undefined && scheme !== 'oauth2') return { envVars: {} };
  if (tokensOwned(input) || presetToken(input)) return { envVars: {} };
  const tokens = await acquireRunTokens(endpointValues(input), {
    narrowings: narrowingsOf(input.collection),
    ...(input.timeoutRequestMs ? { timeoutMs: input.timeoutRequestMs } : {}),
    ...(input.onRefreshToken ? { onRotated: input.onRefreshToken } : {}),
  });
  if (!tokens) return { envVars: {} };
  return {
    tokens,
    envVars: {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.expiresAt,
      refreshToken: '',
      [HARNESS_TOKENS_VARIABLE]: JSON.stringify({
        test: tokens.test,
        ...(tokens.failure ? { failure: tokens.failure } : {}),
        narrow: tokens.narrow,
        narrowSkipped: tokens.narrowSkipped,
      }),
    },
  };
}
