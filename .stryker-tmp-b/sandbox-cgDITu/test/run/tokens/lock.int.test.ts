// @ts-nocheck
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockTokenFile, parseLockOwner, processIsAlive } from '../../../src/run/tokens/lock.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pleo-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const fresh = () => join(dir, `token-${Math.random().toString(36).slice(2)}`);

/** The PID of a process that has exited: nothing runs under it any more. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999;

describe('lockTokenFile', () => {
  it('records its owner (PID, host, start) in FILE.lock and removes it on release', async () => {
    const file = fresh();
    const held = await lockTokenFile(file);
    const owner = parseLockOwner(await readFile(`${file}.lock`, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Date.parse(owner!.startedAt)).not.toBeNaN();
    await held.release();
    await expect(readFile(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses while a live process holds it, naming the owner', async () => {
    const file = fresh();
    const held = await lockTokenFile(file);
    await expect(lockTokenFile(file)).rejects.toMatchObject({
      code: 'TOKEN_FILE_LOCKED',
      message: expect.stringContaining(
        `another run is using ${file} (${file}.lock is held by process ${process.pid} on ${hostname()}`,
      ),
    });
    await held.release();
  });

  it('takes over a lock whose process is gone, with a notice', async () => {
    const file = fresh();
    const pid = deadPid();
    expect(processIsAlive(pid)).toBe(false);
    await writeFile(`${file}.lock`, JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const notices: string[] = [];
    const held = await lockTokenFile(file, { onNotice: (m) => notices.push(m) });
    expect(held.takenOver).toMatchObject({ pid });
    expect(notices).toEqual([
      `took over ${file}.lock: it was left by process ${pid} on ${hostname()}, which is no longer running`,
    ]);
    expect(parseLockOwner(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await held.release();
  });

  it('lets only one of several runs take over the same stale lock', async () => {
    const file = fresh();
    await writeFile(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '' }));
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) =>
        lockTokenFile(file, { owner: { pid: process.pid, host: hostname(), startedAt: `racer ${n}` } }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of attempts.filter((a) => a.status === 'rejected'))
      expect((a as PromiseRejectedResult).reason).toMatchObject({ code: 'TOKEN_FILE_LOCKED' });
  });

  it.each([
    [
      'another host',
      () => JSON.stringify({ pid: deadPid(), host: 'ci-runner-7', startedAt: '' }),
      'if no run is active on ci-runner-7, delete',
    ],
    ['an empty lock (older pleo-postman)', () => '', 'held by an unknown process'],
  ])('does not guess about %s: it refuses and says what to delete', async (_name, content, want) => {
    const file = fresh();
    await writeFile(`${file}.lock`, content());
    await expect(lockTokenFile(file)).rejects.toThrow(want);
  });

  it('release leaves a lock that is no longer its own', async () => {
    const file = fresh();
    const held = await lockTokenFile(file);
    const other = JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: '' });
    await writeFile(`${file}.lock`, other);
    await held.release();
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(other);
  });
});
