import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type LockFs, lockTokenFile, parseLockOwner, processIsAlive } from '../../../src/run/tokens/lock.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * What another run (or a user following the busy message) does between two of the lock's own file
 * calls: staged deterministically with a wrapper of Node's calls (`LockOptions.fs`), where
 * lock.int.test.ts can only race five real takeovers.
 */
const dir = tempDir('pleo-lock-races-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const fresh = () => join(dir, `token-${++n}`);
/** Above Linux's largest pid_max (2^22), so no process has it. */
const GONE_PID = 2 ** 31 - 2;
const ownerText = (pid: number, startedAt = '2026-01-01T00:00:00Z', host = hostname()) =>
  JSON.stringify({ pid, host, startedAt });
const failure = (code: string) => Object.assign(new Error(`${code}: staged`), { code });

type Step = 'open' | 'read' | 'rm';

/**
 * Node's file calls, each written down as `open lock`, `read mutex`, `rm lock`, `close lock`… (`lock`
 * is FILE.lock, `mutex` FILE.lock.takeover). `before` runs before each open, read and rm: it may change
 * the files (another run's step) or throw (the call fails that way).
 */
function stagedFs(file: string, before: (step: Step, name: string) => void = () => {}) {
  const calls: string[] = [];
  const name = (path: unknown) =>
    String(path) === `${file}.lock` ? 'lock' : String(path) === `${file}.lock.takeover` ? 'mutex' : String(path);
  const step = (what: Step, path: unknown) => {
    calls.push(`${what} ${name(path)}`);
    before(what, name(path));
  };
  const fs: LockFs = {
    mkdir: nodeFs.mkdir,
    open: (async (path: string, flags: string, mode: number) => {
      step('open', path);
      const handle = await nodeFs.open(path, flags, mode);
      const close = handle.close.bind(handle);
      handle.close = async () => {
        calls.push(`close ${name(path)}`);
        await close();
      };
      return handle;
    }) as LockFs['open'],
    readFile: (async (path: string, encoding: 'utf8') => {
      step('read', path);
      return nodeFs.readFile(path, encoding);
    }) as LockFs['readFile'],
    rm: async (path, options) => {
      step('rm', path);
      await nodeFs.rm(path, options);
    },
  };
  return { fs, calls };
}

describe('the lock between two runs: what another run does meanwhile', () => {
  it('a lock released between our attempt and our read of it is tried again and taken, not reported busy', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(process.pid, 'another run'));
    let released = false;
    const { fs, calls } = stagedFs(file, (step, name) => {
      if (step === 'read' && name === 'lock' && !released) {
        released = true;
        rmSync(`${file}.lock`);
      }
    });
    const owner = { pid: process.pid, host: hostname(), startedAt: 'ours' };
    const held = await lockTokenFile(file, { owner, fs });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${JSON.stringify(owner)}\n`);
    expect(calls).toEqual(['open lock', 'read lock', 'open lock', 'close lock']);
    await held.release();
  });

  it('a stale lock that a live run replaced while we took the takeover mutex is not taken: refused, naming the new owner', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    const newer = ownerText(process.pid, 'the run that got there first');
    const { fs } = stagedFs(file, (step, name) => {
      if (step === 'read' && name === 'lock' && existsSync(`${file}.lock.takeover`))
        writeFileSync(`${file}.lock`, newer);
    });
    await expect(lockTokenFile(file, { fs })).rejects.toMatchObject({
      code: 'TOKEN_FILE_LOCKED',
      message: expect.stringContaining(
        `held by process ${process.pid} on ${hostname()}, since the run that got there first)`,
      ),
    });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(newer);
    expect(existsSync(`${file}.lock.takeover`)).toBe(false);
  });

  it('a crashed takeover mutex that another run removed first does not fail ours: the stale lock is still taken over', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    writeFileSync(`${file}.lock.takeover`, ownerText(GONE_PID));
    let first = true;
    const { fs } = stagedFs(file, (step, name) => {
      if (step === 'rm' && name === 'mutex' && first) {
        first = false;
        rmSync(`${file}.lock.takeover`);
      }
    });
    const held = await lockTokenFile(file, { fs });
    expect(held.takenOver).toMatchObject({ pid: GONE_PID });
    expect(parseLockOwner(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await held.release();
  });

  it('a stale lock and its mutex deleted by hand during the takeover (as the busy message says to) do not fail the run', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    const { fs, calls } = stagedFs(file, (step, name) => {
      if (step === 'rm' && name === 'lock') {
        rmSync(`${file}.lock`);
        rmSync(`${file}.lock.takeover`);
      }
    });
    const held = await lockTokenFile(file, { fs });
    expect(held.takenOver).toMatchObject({ pid: GONE_PID });
    expect(parseLockOwner(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(existsSync(`${file}.lock.takeover`)).toBe(false);
    expect(calls.slice(-4)).toEqual(['rm lock', 'open lock', 'close lock', 'rm mutex']);
  });

  it('releasing a lock that was deleted by hand meanwhile, or releasing it twice, is not an error', async () => {
    const file = fresh();
    const { fs } = stagedFs(file, (step, name) => {
      if (step === 'rm' && name === 'lock') rmSync(`${file}.lock`);
    });
    const held = await lockTokenFile(file, { fs });
    await held.release();
    await held.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a lock that is there each time it is created yet gone each time it is read is tried 20 times, then reported busy', async () => {
    const file = fresh();
    const { fs, calls } = stagedFs(file, (step, name) => {
      if (name !== 'lock') return;
      if (step === 'open') throw failure('EEXIST');
      if (step === 'read') throw failure('ENOENT');
    });
    await expect(lockTokenFile(file, { fs })).rejects.toMatchObject({
      code: 'TOKEN_FILE_LOCKED',
      message: expect.stringContaining('is held by an unknown process)'),
    });
    expect(calls.filter((c) => c === 'open lock')).toHaveLength(20);
  });

  it('a lock file that cannot be created for another reason than an existing lock is that error, not "busy"', async () => {
    const file = fresh();
    const { fs, calls } = stagedFs(file, (step, name) => {
      if (step === 'open' && name === 'lock') throw failure('EACCES');
    });
    await expect(lockTokenFile(file, { fs })).rejects.toMatchObject({ code: 'EACCES' });
    expect(calls).toEqual(['open lock']);
  });

  it('a lock that cannot be read (a folder where FILE.lock should be) is that error, neither "busy" nor taken over', async () => {
    const file = fresh();
    mkdirSync(`${file}.lock`, { recursive: true });
    await expect(lockTokenFile(file)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('a takeover is told, naming the gone process and its host, and every file it created is closed', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    const notices: string[] = [];
    const { fs, calls } = stagedFs(file);
    const held = await lockTokenFile(file, { fs, onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([
      `took over ${file}.lock: it was left by process ${GONE_PID} on ${hostname()}, which is no longer running`,
    ]);
    expect(calls).toEqual([
      'open lock',
      'read lock',
      'open mutex',
      'close mutex',
      'read lock',
      'rm lock',
      'open lock',
      'close lock',
      'rm mutex',
    ]);
    await held.release();
  });
});

describe('processIsAlive: a process of another user', () => {
  it('is alive when the kernel refuses the signal (EPERM), so its lock is refused, not taken over', async () => {
    const file = fresh();
    const theirs = ownerText(4242, 'another user’s run');
    writeFileSync(`${file}.lock`, theirs);
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => {
      throw failure('EPERM');
    });
    try {
      expect(processIsAlive(4242)).toBe(true);
      await expect(lockTokenFile(file)).rejects.toMatchObject({ code: 'TOKEN_FILE_LOCKED' });
    } finally {
      kill.mockRestore();
    }
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(theirs);
  });
});
