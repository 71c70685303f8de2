import { readdir, rm, rmdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { GeneratedFile } from '../generate/index.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : Promise.resolve([path]);
    }),
  );
  return nested.flat();
}

const key = (path: string) => path.split(sep).join('/');

/**
 * Files inside the generator's own directories (the v3 collection folder) that it would not write:
 * a request or example that left the description. In a v3 folder every file is part of the
 * collection, so a left-over file is a request Postman would still show.
 */
export async function extraFiles(
  outDir: string,
  ownedDirs: readonly string[],
  files: readonly GeneratedFile[],
): Promise<string[]> {
  const wanted = new Set(files.map((f) => key(f.path)));
  const extra: string[] = [];
  for (const dir of ownedDirs) {
    for (const path of await listFiles(join(outDir, dir))) {
      if (!wanted.has(key(relative(outDir, path)))) extra.push(path);
    }
  }
  return extra.sort();
}

/** Removes the given files, then every directory under `ownedDirs` that is left empty. */
export async function removeFiles(outDir: string, ownedDirs: readonly string[], paths: readonly string[]) {
  await Promise.all(paths.map((path) => rm(path, { force: true })));
  const prune = async (dir: string): Promise<boolean> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
    if (!entries) return false;
    const emptied = await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => prune(join(dir, e.name))));
    const files = entries.filter((e) => !e.isDirectory()).length;
    if (files === 0 && emptied.every(Boolean)) {
      await rmdir(dir).catch(() => undefined);
      return true;
    }
    return false;
  };
  if (paths.length > 0) for (const dir of ownedDirs) await prune(join(outDir, dir));
}
