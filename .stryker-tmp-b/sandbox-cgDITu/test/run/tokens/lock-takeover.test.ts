// @ts-nocheck
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockTokenFile, parseLockOwner, processIsAlive } from '../../../src/run/tokens/lock.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * The rules of the lock's takeover that mutation testing found unguarded (mutation/survivors.md):
 * the takeover mutex, who may remove it, and what the lock records.
 */
const dir = tempDir('pleo-lock-takeover-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const fresh = () => join(dir, `token-${++n}`);
/** Above Linux's largest pid_max (2^22), so no process has it: no child process needed. */
const GONE_PID = 2 ** 31 - 2;
const ownerText = (pid: number, host = hostname(), startedAt = '2026-01-01T00:00:00Z') =>
  JSON.stringify({ pid, host, startedAt });

describe('processIsAlive', () => {
  it.each([
    ['this process', process.pid, true],
    ['a PID no process has', GONE_PID, false],
    ['PID 0 (the process group, not a process)', 0, false],
    ['a negative PID (a process group)', -1, false],
    ['a fraction', 1.5, false],
  ])('%s → %s', (_name, pid, alive) => {
    expect(processIsAlive(pid)).toBe(alive);
  });
});

describe('parseLockOwner', () => {
  it.each([
    ['a full owner', ownerText(7, 'h', 's'), { pid: 7, host: 'h', startedAt: 's' }],
    ['an owner without startedAt', '{"pid":7,"host":"h"}', { pid: 7, host: 'h', startedAt: '' }],
    ['a pid that is a string', '{"pid":"7","host":"h"}', undefined],
    ['a host that is a number', '{"pid":7,"host":1}', undefined],
    ['no host', '{"pid":7}', undefined],
    ['not JSON', 'pid 7', undefined],
    ['null', 'null', undefined],
  ])('%s', (_name, text, want) => {
    expect(parseLockOwner(text)).toEqual(want);
  });
});

describe('the lock takeover mutex (FILE.lock.takeover)', () => {
  it('a stale lock is not taken while a live process holds the takeover mutex, and the mutex is left alone', async () => {
    const file = fresh();
    const stale = ownerText(GONE_PID);
    const mutex = ownerText(process.pid);
    writeFileSync(`${file}.lock`, stale);
    writeFileSync(`${file}.lock.takeover`, mutex);
    await expect(lockTokenFile(file)).rejects.toMatchObject({ code: 'TOKEN_FILE_LOCKED' });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(stale);
    expect(readFileSync(`${file}.lock.takeover`, 'utf8')).toBe(mutex);
  });

  it('a takeover mutex held on another host is never removed (its PID means nothing here)', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    writeFileSync(`${file}.lock.takeover`, ownerText(GONE_PID, 'ci-runner-7'));
    await expect(lockTokenFile(file)).rejects.toMatchObject({ code: 'TOKEN_FILE_LOCKED' });
    expect(existsSync(`${file}.lock.takeover`)).toBe(true);
  });

  it('an unreadable takeover mutex is left alone too', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    writeFileSync(`${file}.lock.takeover`, '');
    await expect(lockTokenFile(file)).rejects.toMatchObject({ code: 'TOKEN_FILE_LOCKED' });
    expect(readFileSync(`${file}.lock.takeover`, 'utf8')).toBe('');
  });

  it('a takeover mutex whose process crashed is removed, and the stale lock is then taken over', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    writeFileSync(`${file}.lock.takeover`, ownerText(GONE_PID));
    const held = await lockTokenFile(file);
    expect(held.takenOver).toMatchObject({ pid: GONE_PID });
    expect(parseLockOwner(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(existsSync(`${file}.lock.takeover`)).toBe(false);
    await held.release();
  });

  it('after a takeover the mutex is gone, the lock is ours (0600) and holds the owner we were given', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(GONE_PID));
    const owner = { pid: process.pid, host: hostname(), startedAt: 'now' };
    const held = await lockTokenFile(file, { owner });
    expect(existsSync(`${file}.lock.takeover`)).toBe(false);
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${JSON.stringify(owner)}\n`);
    expect(statSync(`${file}.lock`).mode & 0o777).toBe(0o600);
    await held.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a lock left by a gone process on another host is not stale here: refused, not taken over', async () => {
    const file = fresh();
    const other = ownerText(GONE_PID, 'ci-runner-7');
    writeFileSync(`${file}.lock`, other);
    await expect(lockTokenFile(file)).rejects.toThrow(
      `(${file}.lock is held by process ${GONE_PID} on ci-runner-7, since 2026-01-01T00:00:00Z): two runs must not refresh with the same token, or Pleo revokes the grant; if no run is active on ci-runner-7, delete ${file}.lock`,
    );
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(other);
  });

  it('a lock held by a live process here says to delete it only if no run is active', async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, ownerText(process.pid, hostname(), ''));
    await expect(lockTokenFile(file)).rejects.toThrow(
      `(${file}.lock is held by process ${process.pid} on ${hostname()}): two runs must not refresh with the same token, or Pleo revokes the grant; delete ${file}.lock if no run is active`,
    );
  });

  it('the folder of a new lock is created for its owner only (0700)', async () => {
    const file = join(fresh(), 'deeper', 'token');
    const held = await lockTokenFile(file);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    await held.release();
  });
});
