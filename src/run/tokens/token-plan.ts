import { ERROR_CODES, UserError } from '../../errors.js';

/** Where a run's refresh token comes from, in this order. */
export type RefreshTokenSource =
  | 'PLEO_REFRESH_TOKEN'
  | 'environment file'
  | '--refresh-token-file'
  | 'login store'
  | 'none';

export interface RefreshTokenPlanInput {
  /** PLEO_REFRESH_TOKEN, trimmed ('' when unset). */
  fromVariable: string;
  /** The `refreshToken` value of the `--env FILE` ('' for staging/production). */
  fromEnvironmentFile: string;
  refreshTokenFile?: string;
  /** The login store's file for this environment and client, when it exists. */
  loginStoreFile?: string;
  /** The `--env` the user gave, for the message. */
  env: string;
}

export interface RefreshTokenPlan {
  source: RefreshTokenSource;
  /** The token when it came from a variable; file sources are read once the file is locked. */
  token?: string;
  /** Where every rotated token goes, decided before the first refresh. */
  keepIn?: { path: string; kind: '--refresh-token-file' | 'login store' };
}

/**
 * Decides, before anything is sent, where the refresh token comes from (PLEO_REFRESH_TOKEN, a
 * refreshToken in the environment file, `--refresh-token-file`, the login store) and where a rotated
 * one goes (`--refresh-token-file`, or the login store file it came from). A token with nowhere to
 * keep its rotation is refused: spending it would leave only a revoked grant.
 */
export function planRefreshToken(input: RefreshTokenPlanInput): RefreshTokenPlan {
  const file = input.refreshTokenFile
    ? ({ path: input.refreshTokenFile, kind: '--refresh-token-file' } as const)
    : undefined;
  const given: Array<[RefreshTokenSource, string]> = [
    ['PLEO_REFRESH_TOKEN', input.fromVariable],
    ['environment file', input.fromEnvironmentFile],
  ];
  const found = given.find(([, value]) => value !== '');
  if (found) {
    const [source, token] = found;
    if (file) return { source, token, keepIn: file };
    const what = source === 'PLEO_REFRESH_TOKEN' ? 'PLEO_REFRESH_TOKEN is set' : `${input.env} holds a refreshToken`;
    throw new UserError(
      `${what}, but there is nowhere to keep the refresh token the server will rotate it into (the one you have is spent by the first refresh, and Pleo revokes the grant when it is replayed): pass --refresh-token-file FILE and store FILE back after the run (CI: into the secret the token came from), or run \`pleo-postman login --env ${input.env}\` and leave PLEO_REFRESH_TOKEN unset to use the login store; nothing was sent`,
      ERROR_CODES.REFRESH_TOKEN_NOWHERE,
    );
  }
  if (file) return { source: '--refresh-token-file', keepIn: file };
  if (input.loginStoreFile)
    return { source: 'login store', keepIn: { path: input.loginStoreFile, kind: 'login store' } };
  return { source: 'none' };
}
