import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ERROR_CODES, UserError } from '../errors.js';
import type { GeneratedFile } from '../generate/index.js';

function unwritable(path: string, cause: unknown): UserError {
  const code = (cause as NodeJS.ErrnoException).code ?? 'unknown error';
  return new UserError(
    `cannot write "${path}" (${code}): check that the output directory is writable and not a file`,
    ERROR_CODES.OUTPUT_UNWRITABLE,
    { cause },
  );
}

/**
 * Writes every file atomically: all contents go to temp files beside their targets first, and only
 * when all of them are written are they renamed into place. A failure before that removes the temp
 * files and leaves the existing outputs untouched.
 */
export async function writeFilesAtomically(outDir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const staged: Array<{ temp: string; target: string }> = [];
  let target = outDir;
  try {
    for (const file of files) {
      target = join(outDir, file.path);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      staged.push({ temp, target });
      await writeFile(temp, file.content, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw unwritable(target, error);
  }
  for (const staging of staged) {
    await rename(staging.temp, staging.target).catch((error: unknown) => {
      throw unwritable(staging.target, error);
    });
  }
  return staged.map(({ target }) => target);
}

/** The files whose content on disk differs from what would be generated (missing counts as differing). */
export async function staleFiles(outDir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    const target = join(outDir, file.path);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current !== file.content) stale.push(target);
  }
  return stale;
}
