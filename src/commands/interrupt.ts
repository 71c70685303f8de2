import { removeOpenStaging, stopTokenRequests } from '../run/index.js';
import type { Io } from './run-command.js';

export interface InterruptGuard {
  /** Runs on SIGINT/SIGTERM, after any token request in flight has settled (e.g. releases the lock). */
  onInterrupt(cleanup: () => Promise<void> | void): void;
  /** What the interruption line says about the refresh token (e.g. where the newest one is). */
  describeToken(describe: () => string): void;
  /** Removes the handlers: the run is over. */
  dispose(): void;
}

const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Ctrl-C and SIGTERM during a run: no new token request starts, one in flight is waited for (its
 * rotation reaches the disk; at most `capMs`, default 6 s: GitHub Actions sends SIGTERM 7.5 s after
 * SIGINT and kills 2.5 s later), the cleanups run (the lock is released), no report
 * staging folder stays, one line says the run was interrupted and where the newest refresh token is,
 * and the process exits 130 (SIGINT) or 143 (SIGTERM), as a shell reports a death by that signal.
 */
export function guardInterrupts(
  io: Io,
  options: { capMs?: number; exit?: (code: number) => void } = {},
): InterruptGuard {
  const cleanups: Array<() => Promise<void> | void> = [];
  let describe = () => 'no refresh token was rotated';
  let handling = false;
  const handle = (signal: 'SIGINT' | 'SIGTERM') => {
    if (handling) return;
    handling = true;
    void (async () => {
      await stopTokenRequests(options.capMs ?? 6_000);
      for (const cleanup of cleanups) {
        try {
          await cleanup();
        } catch {
          // an interrupted run still exits; what could not be cleaned is named by the line below
        }
      }
      removeOpenStaging();
      io.err(`pleo-postman test: interrupted by ${signal}; ${describe()}`);
      (options.exit ?? process.exit)(EXIT_CODES[signal]);
    })();
  };
  const onInt = () => handle('SIGINT');
  const onTerm = () => handle('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    onInterrupt: (cleanup) => cleanups.push(cleanup),
    describeToken: (d) => {
      describe = d;
    },
    dispose: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
