// What the benchmark scripts share: medians, and a whole node process timed with its peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const RSS_PRELOAD = new URL('./rss-preload.mjs', import.meta.url).pathname;

/** `node ...args` as a whole process: wall ms, peak RSS in KiB and its output; throws when it fails. */
export function runNode(args, { cwd, env, allowFailure = false } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'pleo-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  try {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
    });
    const ms = elapsedMs(start);
    if (child.status !== 0 && !allowFailure)
      throw new Error(`node ${args.join(' ')} exited ${child.status}: ${(child.stderr || child.stdout).slice(-2000)}`);
    const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : 0;
    return { ms, rssKiB, stdout: child.stdout, stderr: child.stderr, status: child.status };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Median wall ms of `node -e 0`, the machine's start-up, measured now. */
export const nodeBaseline = (runs = 5) => median(Array.from({ length: runs }, () => runNode(['-e', '0']).ms));

export const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
