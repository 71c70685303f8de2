import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ERROR_CODES, UserError } from '../../errors.js';
import { lockTokenFile } from './lock.js';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export const CREDENTIAL_VARIABLES = {
  clientId: 'PLEO_CLIENT_ID',
  clientSecret: 'PLEO_CLIENT_SECRET',
  refreshToken: 'PLEO_REFRESH_TOKEN',
} as const;

export interface CredentialSources {
  /** Values already in the environment file (empty for the generated staging/production files). */
  fromEnvironmentFile?: Partial<Credentials>;
  /** A refresh token kept by an earlier run in `--refresh-token-file`. */
  storedRefreshToken?: string;
  /** True when the environment can get a token without one (a loopback redirect: the local mock). */
  refreshTokenOptional?: boolean;
}

/**
 * Credentials from the process environment (PLEO_CLIENT_ID, PLEO_CLIENT_SECRET, PLEO_REFRESH_TOKEN),
 * falling back to the environment file and the refresh token file. Nothing here is written to disk.
 * Throws a UserError naming every variable that is missing.
 */
export function resolveCredentials(
  env: Record<string, string | undefined>,
  sources: CredentialSources = {},
): Credentials {
  const read = (key: keyof Credentials) =>
    (env[CREDENTIAL_VARIABLES[key]] ?? '').trim() || (sources.fromEnvironmentFile?.[key] ?? '').trim();
  const credentials = {
    clientId: read('clientId'),
    clientSecret: read('clientSecret'),
    refreshToken: read('refreshToken') || (sources.storedRefreshToken ?? '').trim(),
  };
  const required: Array<keyof Credentials> = sources.refreshTokenOptional
    ? ['clientId', 'clientSecret']
    : ['clientId', 'clientSecret', 'refreshToken'];
  const missing = required.filter((key) => credentials[key] === '').map((key) => CREDENTIAL_VARIABLES[key]);
  if (missing.length > 0) {
    throw new UserError(
      `missing credentials: set ${missing.join(', ')} in the environment (the refresh token may also come from --refresh-token-file or from pleo-postman login)`,
      ERROR_CODES.CREDENTIALS_MISSING,
    );
  }
  return credentials;
}

/** The refresh token kept in a file by an earlier run, or undefined when the file does not exist. */
export async function readRefreshTokenFile(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Stryker disable next-line StringLiteral: every error node's readFile gives has a code (the fallback is never used)
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UserError(`cannot read --refresh-token-file "${path}": ${code}`, ERROR_CODES.OPTION_INVALID, {
      cause: error,
    });
  }
}

/** Writes a rotated refresh token atomically, readable by its owner only (mode 0600). */
export async function writeRefreshTokenFile(path: string, token: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${token}\n`, {
    mode: 0o600,
    // Stryker disable next-line StringLiteral: the temporary name is random, so `wx` (fail if it exists) and the default `w` behave alike
    flag: 'wx',
  });
  await rename(temp, path);
}

/**
 * Takes `FILE.lock` for the length of a run (see `lockTokenFile`: owner recorded, a stale lock taken
 * over). Returns the function that releases it.
 */
export async function lockRefreshTokenFile(path: string): Promise<() => Promise<void>> {
  return (await lockTokenFile(path)).release;
}
