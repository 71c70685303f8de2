import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const open = new Set<string>();

/** A private staging folder `reportDir/.pleo-postman-…` for report files, known until `releaseStaging`. */
export async function makeStaging(reportDir: string, prefix = '.pleo-postman-'): Promise<string> {
  const dir = await mkdtemp(join(reportDir, prefix));
  open.add(dir);
  return dir;
}

/** Removes a staging folder made by `makeStaging`. */
export async function releaseStaging(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  open.delete(dir);
}

/** Removes every staging folder this process still has, at once: an interrupted run leaves none. */
export function removeOpenStaging(): void {
  for (const dir of open) rmSync(dir, { recursive: true, force: true });
  open.clear();
}
