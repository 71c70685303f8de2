import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
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
 * The first directory of `path` (relative to `outDir`) that does not exist yet, or undefined when
 * its directory exists. Directories are looked up once each.
 */
function missingRoot(outDir: string, path: string, exists: Map<string, boolean>): string | undefined {
  const parts = dirname(path).split(/[\\/]/);
  for (let i = 1; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join(sep);
    if (dir === '.' || dir === '') continue;
    let there = exists.get(dir);
    if (there === undefined) {
      there = existsSync(join(outDir, dir));
      exists.set(dir, there);
    }
    if (!there) return dir;
  }
  return undefined;
}

/**
 * Writes every file whose content differs from what is on disk, atomically: all new contents go to
 * temp files first, and only when all of them are written are they renamed into place. A failure
 * before that removes the temp files and leaves the existing outputs untouched. Files already up to
 * date are not touched, so a re-generate after a small edit writes a few files. A directory that does
 * not exist yet (a new v3 collection folder) is written whole into a temp directory beside it and
 * renamed once: its thousands of files are only created, never looked up or renamed one by one.
 *
 * Synchronous on purpose: thousands of small files (a v3 folder) go many times faster without a
 * thread-pool round trip per call, and nothing else runs meanwhile. Returns the paths it replaced.
 */
export async function writeFilesAtomically(outDir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const staged: Array<{ temp: string; target: string }> = [];
  const stagedDirs = new Map<string, string>(); // new directory → its temp directory
  const made = new Set<string>();
  const exists = new Map<string, boolean>();
  const written: string[] = [];
  const run = randomBytes(6).toString('hex');
  const makeDir = (dir: string) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  let target = outDir;
  try {
    for (const file of files) {
      target = join(outDir, file.path);
      const root = missingRoot(outDir, file.path, exists);
      if (root !== undefined) {
        let temp = stagedDirs.get(root);
        if (temp === undefined) {
          temp = join(outDir, dirname(root), `.${root.split(sep).at(-1)}.${run}.tmp`);
          stagedDirs.set(root, temp);
        }
        const inTemp = join(temp, file.path.slice(root.length + 1));
        makeDir(dirname(inTemp));
        writeFileSync(inTemp, file.content, { encoding: 'utf8', flag: 'wx' });
        written.push(target);
        continue;
      }
      if (holds(target, file.content)) continue;
      makeDir(dirname(target));
      const temp = `${target}.${run}-${staged.length}.tmp`;
      staged.push({ temp, target });
      writeFileSync(temp, file.content, { encoding: 'utf8', flag: 'wx' });
      written.push(target);
    }
  } catch (error) {
    // Cleaning up where nothing could be written (the output root is a file) fails too: the first error counts.
    for (const temp of [...staged.map((s) => s.temp), ...stagedDirs.values()])
      try {
        rmSync(temp, { recursive: true, force: true });
      } catch {}
    throw unwritable(target, error);
  }
  const renames = [...[...stagedDirs].map(([root, temp]) => ({ temp, target: join(outDir, root) })), ...staged];
  for (const staging of renames) {
    try {
      renameSync(staging.temp, staging.target);
    } catch (error) {
      throw unwritable(staging.target, error);
    }
  }
  return written;
}

/** The files whose content on disk differs from what would be generated (missing counts as differing). */
export async function staleFiles(outDir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  return files.filter((file) => !holds(join(outDir, file.path), file.content)).map((file) => join(outDir, file.path));
}
