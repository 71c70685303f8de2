// @ts-nocheck
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Whether the file on disk holds exactly `content`; its size is compared first, so a changed file is seldom read. */
function holds(path: string, content: string): boolean {
  try {
    if (statSync(path).size !== Buffer.byteLength(content, 'utf8')) return false;
    return readFileSync(path, 'utf8') === content;
  } catch {
    return false;
  }
}

/**
 * Writes every file whose content differs from what is on disk, atomically: all new contents go to
 * temp files beside their targets first, and only when all of them are written are they renamed into
 * place. A failure before that removes the temp files and leaves the existing outputs untouched.
 * Files already up to date are not touched, so a re-generate after a small edit writes a few files.
 *
 * Synchronous on purpose: thousands of small files (a v3 folder) go many times faster without a
 * thread-pool round trip per call, and nothing else runs meanwhile. Returns the paths it replaced.
 */
export async function writeFilesAtomically(outDir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const staged: Array<{ temp: string; target: string }> = [];
  const made = new Set<string>();
  const run = randomBytes(6).toString('hex');
  let target = outDir;
  try {
    for (const file of files) {
      target = join(outDir, file.path);
      if (holds(target, file.content)) continue;
      const dir = dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const temp = `${target}.${run}-${staged.length}.tmp`;
      staged.push({ temp, target });
      writeFileSync(temp, file.content, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw unwritable(target, error);
  }
  for (const staging of staged) {
    try {
      renameSync(staging.temp, staging.target);
    } catch (error) {
      throw unwritable(staging.target, error);
    }
  }
  return staged.map(({ target }) => target);
}

/** The files whose content on disk differs from what would be generated (missing counts as differing). */
export async function staleFiles(outDir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  return files.filter((file) => !holds(join(outDir, file.path), file.content)).map((file) => join(outDir, file.path));
}
