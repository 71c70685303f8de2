import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unreadable';

/**
 * The two file-system calls the check makes. Only a test passes its own: the tests run as root, who may
 * write in every folder of a writable file system, so a refused write is reached only this way.
 */
export interface FileSystemChecks {
  stat: typeof stat;
  access: typeof access;
}

/**
 * Checks, before anything is locked or sent, that a file an option names can be written: its directory
 * exists, is a directory and is writable, and the file itself (if it exists) is not a directory.
 * Throws a UserError naming the option and what to do.
 */
export async function assertWritableFile(
  path: string,
  option: string,
  fs: FileSystemChecks = { stat, access },
): Promise<void> {
  const dir = dirname(resolve(path));
  let dirStat: Awaited<ReturnType<typeof stat>>;
  try {
    dirStat = await fs.stat(dir);
  } catch (error) {
    throw new UserError(
      `${option} "${path}": its directory ${dir} does not exist (${codeOf(error)}); create it first or name a file in an existing directory`,
      ERROR_CODES.OPTION_INVALID,
      { cause: error },
    );
  }
  if (!dirStat.isDirectory()) {
    throw new UserError(`${option} "${path}": ${dir} is not a directory`, ERROR_CODES.OPTION_INVALID);
  }
  try {
    await fs.access(dir, constants.W_OK);
  } catch (error) {
    throw new UserError(`${option} "${path}": cannot write in ${dir} (${codeOf(error)})`, ERROR_CODES.OPTION_INVALID, {
      cause: error,
    });
  }
  const fileStat = await fs.stat(path).catch(() => undefined);
  if (fileStat?.isDirectory()) {
    throw new UserError(`${option} "${path}" is a directory; name a file`, ERROR_CODES.OPTION_INVALID);
  }
}
