// @ts-nocheck
import { join, sep } from 'node:path';

/** Past this many changed files in one v3 collection folder, the folder's files are counted, not listed. */
const LISTED_PER_FOLDER = 5;

/**
 * What `generate` prints for the files it changed: each file by name, except that a v3 collection
 * folder (thousands of files for a large description) gets one line with its count.
 */
export function changedFileLines(
  verb: string,
  out: string,
  paths: readonly string[],
  ownedDirs: readonly string[],
): string[] {
  const folders = ownedDirs.map((dir) => join(out, dir) + sep);
  const inFolder = new Map<string, number>(folders.map((f) => [f, 0]));
  const lines: string[] = [];
  const folderOf = (path: string) => folders.find((f) => path.startsWith(f));
  for (const path of paths) {
    const folder = folderOf(path);
    if (folder) inFolder.set(folder, (inFolder.get(folder) ?? 0) + 1);
  }
  for (const path of paths) {
    const folder = folderOf(path);
    if (folder === undefined || (inFolder.get(folder) ?? 0) <= LISTED_PER_FOLDER) lines.push(`${verb} ${path}`);
  }
  for (const [folder, count] of inFolder) {
    if (count > LISTED_PER_FOLDER) lines.push(`${verb} ${count} files in ${folder}`);
  }
  return lines;
}
