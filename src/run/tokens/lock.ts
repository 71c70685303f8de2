import * as nodeFs from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';

/** Who holds a refresh token file: written into `FILE.lock` as JSON. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface HeldLock {
  /** Removes the lock, if it is still ours. */
  release: () => Promise<void>;
  /** Set when a lock left by a process that is gone was taken over. */
  takenOver?: LockOwner;
}

/** The file calls the lock makes (Node's by default). */
export type LockFs = Pick<typeof nodeFs, 'mkdir' | 'open' | 'readFile' | 'rm'>;

export interface LockOptions {
  /** Told about a stale lock being taken over (commands print it). */
  onNotice?: (message: string) => void;
  /** Defaults: this process, this host. For tests. */
  owner?: LockOwner;
  /** For tests: a wrapper of Node's file calls, to stage what another run does between two of ours. */
  fs?: LockFs;
}

/** True when `pid` is a live process on this host (EPERM: alive, but someone else's). */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file's owner, or undefined for an empty or unreadable one (an older pleo-postman wrote empty locks). */
export function parseLockOwner(text: string): LockOwner | undefined {
  try {
    const json = JSON.parse(text) as Partial<LockOwner>;
    if (typeof json.pid === 'number' && typeof json.host === 'string') {
      return { pid: json.pid, host: json.host, startedAt: String(json.startedAt ?? '') };
    }
  } catch {
    // not ours
  }
  return undefined;
}

const currentOwner = (): LockOwner => ({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() });

async function createExclusive(fs: LockFs, path: string, text: string): Promise<boolean> {
  try {
    const handle = await fs.open(path, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const readText = (fs: LockFs, path: string) =>
  fs.readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });

function busy(path: string, lock: string, owner: LockOwner | undefined): UserError {
  const who = owner
    ? `process ${owner.pid} on ${owner.host}${owner.startedAt ? `, since ${owner.startedAt}` : ''}`
    : 'an unknown process';
  const gone =
    owner && owner.host !== hostname()
      ? `if no run is active on ${owner.host}, delete ${lock}`
      : `delete ${lock} if no run is active`;
  return new UserError(
    `another run is using ${path} (${lock} is held by ${who}): two runs must not refresh with the same token, or Pleo revokes the grant; ${gone}`,
    ERROR_CODES.TOKEN_FILE_LOCKED,
  );
}

/**
 * Replaces a stale lock under a short-lived `FILE.lock.takeover` mutex, so two runs that find the
 * same stale lock cannot both take it: the holder checks again that the lock is the stale one it read,
 * removes it and creates its own exclusively. Returns false when another run got there first.
 */
async function takeOver(fs: LockFs, lock: string, staleText: string, ownText: string): Promise<boolean> {
  const mutex = `${lock}.takeover`;
  const mine = JSON.stringify(currentOwner());
  if (!(await createExclusive(fs, mutex, mine))) {
    const holder = parseLockOwner((await readText(fs, mutex)) ?? '');
    // A takeover lasts milliseconds; one whose process is gone crashed in the middle of it.
    if (holder && holder.host === hostname() && !processIsAlive(holder.pid)) await fs.rm(mutex, { force: true });
    return false;
  }
  try {
    if ((await readText(fs, lock)) !== staleText) return false;
    await fs.rm(lock, { force: true });
    return await createExclusive(fs, lock, ownText);
  } finally {
    await fs.rm(mutex, { force: true });
  }
}

/**
 * Takes `FILE.lock` for the length of a run, so two runs sharing a refresh token file never refresh
 * with the same token (Pleo revokes the whole grant when one is used twice). The lock records its
 * owner (PID and host); a lock whose process is gone (same host, no such PID) is taken over with a
 * notice, so a run killed with SIGKILL needs no manual step. A live owner, or one on another host,
 * makes this throw a UserError.
 */
export async function lockTokenFile(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const fs = options.fs ?? nodeFs;
  const lock = `${path}.lock`;
  const owner = options.owner ?? currentOwner();
  const ownText = `${JSON.stringify(owner)}\n`;
  const release = async () => {
    if ((await readText(fs, lock)) === ownText) await fs.rm(lock, { force: true });
  };
  await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await createExclusive(fs, lock, ownText)) return { release };
    const text = await readText(fs, lock);
    if (text === undefined) continue; // released meanwhile: try again
    const holder = parseLockOwner(text);
    const stale = holder !== undefined && holder.host === owner.host && !processIsAlive(holder.pid);
    if (!stale) throw busy(path, lock, holder);
    if (await takeOver(fs, lock, text, ownText)) {
      options.onNotice?.(
        `took over ${lock}: it was left by process ${holder.pid} on ${holder.host}, which is no longer running`,
      );
      return { release, takenOver: holder };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw busy(path, lock, parseLockOwner((await readText(fs, lock)) ?? ''));
}
