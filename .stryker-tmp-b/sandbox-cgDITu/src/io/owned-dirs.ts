// @ts-nocheck
import { type Dirent, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { GeneratedFile } from '../generate/index.js';

function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
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
    for (const path of listFiles(join(outDir, dir))) {
      if (!wanted.has(key(relative(outDir, path)))) extra.push(path);
    }
  }
  return extra.sort();
}

/** Removes the given files, then every directory under `ownedDirs` that is left empty. */
export async function removeFiles(outDir: string, ownedDirs: readonly string[], paths: readonly string[]) {
  for (const path of paths) rmSync(path, { force: true });
  const prune = (dir: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    const emptied = entries.filter((e) => e.isDirectory()).map((e) => prune(join(dir, e.name)));
    const files = entries.filter((e) => !e.isDirectory()).length;
    if (files === 0 && emptied.every(Boolean)) {
      try {
        rmdirSync(dir);
      } catch {
        return false;
      }
      return true;
    }
    return false;
  };
  if (paths.length > 0) for (const dir of ownedDirs) prune(join(outDir, dir));
}
