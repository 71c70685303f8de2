import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';

/**
 * The file-system calls the store makes. Node's by default; a test passes a wrapper to see the order
 * of the calls (the fsync of the folder leaves no other trace) or to make one fail like a full disk.
 */
export type StoreFs = Pick<
  typeof nodeFs,
  'closeSync' | 'fsyncSync' | 'mkdirSync' | 'openSync' | 'renameSync' | 'unlinkSync' | 'writeSync'
>;

/**
 * Writes a refresh token atomically and durably, readable by its owner only: a new file (mode 0600)
 * beside the target, fsync, rename over the target, fsync of the folder. Synchronous on purpose: it is
 * called from Newman's `request` event, which postman-runtime emits before it hands the response to
 * the script or sends anything else, so the token is on disk before the run goes on.
 */
export function writeRefreshTokenFileSync(path: string, token: string, fs: StoreFs = nodeFs): void {
  fs.mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  // The temporary file exists until the rename (it was just created), so it is unlinked without `force`.
  try {
    fs.writeSync(fd, `${token}\n`);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.unlinkSync(temp);
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, path);
  } catch (error) {
    fs.unlinkSync(temp);
    throw error;
  }
  syncFolder(dirname(path), fs);
}

/** fsync of a folder, so the rename itself survives a power cut; not every platform allows it. */
function syncFolder(folder: string, fs: StoreFs): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Checks, before anything is sent, that a rotated token could be written into `path`'s folder
 * (created 0700 if missing), by creating and removing a temporary file there.
 */
export function assertWritableFolder(path: string): void {
  nodeFs.mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const probe = `${path}.${randomBytes(6).toString('hex')}.probe`;
  nodeFs.closeSync(nodeFs.openSync(probe, 'wx', 0o600));
  nodeFs.unlinkSync(probe);
}
