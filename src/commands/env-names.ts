import { existsSync } from 'node:fs';
import { ERROR_CODES, UserError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';

/** The environments `--env` knows by name; anything else is a file. */
export const NAMED_ENVIRONMENTS = ['local', 'staging', 'production'] as const;

/**
 * `--env NAME` that is neither a named environment nor a file there, but close to a name (`prod`):
 * refused with the name meant. Other values go on (a file is read, or refused, by the runner).
 */
export function checkEnvName(env: string, fileExists: (path: string) => boolean = existsSync): void {
  if ((NAMED_ENVIRONMENTS as readonly string[]).includes(env) || fileExists(env)) return;
  const hint = didYouMean(env, NAMED_ENVIRONMENTS);
  if (hint) {
    throw new UserError(
      `--env: "${env}" is not ${NAMED_ENVIRONMENTS.join(', ')} or an environment file${hint}`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
}
