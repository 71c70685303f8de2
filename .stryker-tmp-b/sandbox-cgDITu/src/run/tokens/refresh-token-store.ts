// @ts-nocheck
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a refresh token atomically and durably, readable by its owner only: a new file (mode 0600)
 * beside the target, fsync, rename over the target, fsync of the folder. Synchronous on purpose: it is
 * called from Newman's `request` event, which postman-runtime emits before it hands the response to
 * the script or sends anything else, so the token is on disk before the run goes on.
 */
export function writeRefreshTokenFileSync(path: string, token: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${token}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** fsync of a folder, so the rename itself survives a power cut; not every platform allows it. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Checks, before anything is sent, that a rotated token could be written into `path`'s folder
 * (created 0700 if missing), by creating and removing a temporary file there.
 */
export function assertWritableFolder(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const probe = `${path}.${randomBytes(6).toString('hex')}.probe`;
  closeSync(openSync(probe, 'wx', 0o600));
  rmSync(probe, { force: true });
}
