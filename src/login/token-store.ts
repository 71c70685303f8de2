import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import envPaths from 'env-paths';

/** Overrides the config folder (tests, or a CI runner that wants the store somewhere else). */
export const CONFIG_DIR_VARIABLE = 'PLEO_POSTMAN_CONFIG_DIR';

const SUFFIX = '.refresh-token';

/** The user's config folder for pleo-postman (e.g. ~/.config/pleo-postman), or `PLEO_POSTMAN_CONFIG_DIR`. */
export function configDir(env: Record<string, string | undefined> = process.env): string {
  const override = (env[CONFIG_DIR_VARIABLE] ?? '').trim();
  return override !== '' ? override : envPaths('pleo-postman', { suffix: '' }).config;
}

/** Where `login` keeps refresh tokens: one file per environment and client. */
export const tokenStoreDir = (env: Record<string, string | undefined> = process.env) => join(configDir(env), 'tokens');

/**
 * The name `--env` gives a store entry: an environment file's base name without its `.json` or
 * `.postman_environment.json`; `staging`, `production` and `local` are their own base name.
 */
export function environmentLabel(env: string): string {
  return basename(env).replace(/\.postman_environment\.json$|\.json$/, '');
}

const encode = (part: string) => encodeURIComponent(part).replace(/\*/g, '%2A');

/** The store file of one environment and client (mode 0600, the token on one line). */
export function storedTokenPath(
  label: string,
  clientId: string,
  env: Record<string, string | undefined> = process.env,
) {
  return join(tokenStoreDir(env), `${encode(label)}@${encode(clientId)}${SUFFIX}`);
}

export const hasStoredToken = (path: string) => existsSync(path);

export interface StoredTokenInfo {
  environment: string;
  clientId: string;
  path: string;
  /** When the file was last written: at login or by a rotation during a run. */
  lastRotated: Date;
}

/** Every token in the store, sorted by environment then client; never the tokens themselves. */
export async function listStoredTokens(
  env: Record<string, string | undefined> = process.env,
  statFile: typeof stat = stat,
): Promise<StoredTokenInfo[]> {
  const dir = tokenStoreDir(env);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: StoredTokenInfo[] = [];
  for (const name of names) {
    const match = /^([^@]+)@([^@]+)\.refresh-token$/.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    let lastRotated: Date;
    try {
      lastRotated = (await statFile(path)).mtime;
    } catch (error) {
      // Removed since the listing (another `logout`): it is not stored any more.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    entries.push({
      environment: decodeURIComponent(match[1]!),
      clientId: decodeURIComponent(match[2]!),
      path,
      lastRotated,
    });
  }
  return entries.sort((a, b) => a.environment.localeCompare(b.environment) || a.clientId.localeCompare(b.clientId));
}

/** The file call `deleteStoredTokens` makes (a test passes one that stages a concurrent logout). */
export interface TokenStoreFs {
  rm: typeof rm;
}

/**
 * Deletes the stored tokens of an environment (of one client, when given); returns what it deleted.
 * A token that another `logout` removed after it was listed is not an error (`force`).
 */
export async function deleteStoredTokens(
  label: string,
  clientId: string | undefined,
  env: Record<string, string | undefined> = process.env,
  fs: TokenStoreFs = { rm },
): Promise<StoredTokenInfo[]> {
  const doomed = (await listStoredTokens(env)).filter(
    (t) => t.environment === label && (clientId === undefined || t.clientId === clientId),
  );
  for (const t of doomed) await fs.rm(t.path, { force: true });
  return doomed;
}
