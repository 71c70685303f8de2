import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError, type ErrorCode } from '../../errors.js';
import type { SuiteOptions } from './suite-options.js';
import type { RunSummary } from '../reporting/summary.js';

const WORKER = new URL('./runner-worker.js', import.meta.url);

/**
 * True when runners can get threads of their own: the compiled worker is beside this module (the
 * built CLI). Run from TypeScript sources (the unit tests), runners share the calling thread instead.
 */
export const threadsAvailable = (): boolean => WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));

type WorkerMessage =
  | { kind: 'done'; summaries: RunSummary[] }
  | { kind: 'progress'; message: string }
  | { kind: 'error'; name: string; message: string; stack?: string; code?: ErrorCode };

/** What crosses into a thread: the options without their callbacks (progress comes back as messages). */
const cloneable = ({ onProgress: _p, onRefreshToken: _r, onRotatedRefreshToken: _o, ...rest }: SuiteOptions) => ({
  ...rest,
  reportProgress: _p !== undefined,
});

/** Runs `runSuite` on each of `options`, all at once, in one worker thread; resolves with the summaries. */
function runInThread(options: SuiteOptions[]): Promise<RunSummary[]> {
  const onProgress = options.find((o) => o.onProgress)?.onProgress;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: options.map(cloneable) });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') {
        onProgress?.(message.message);
        return;
      }
      settled = true;
      if (message.kind === 'done') resolve(message.summaries);
      else if (message.code) reject(new UserError(message.message, message.code));
      else reject(Object.assign(new Error(message.message), { name: message.name, stack: message.stack }));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`a parallel runner's thread exited with code ${code} before it reported`));
    });
  });
}

/** True when the runners can go to threads: none needs a callback at once (a refresh token to store). */
export const threadable = (runners: readonly SuiteOptions[]): boolean => runners.every((r) => !r.onRefreshToken);

/**
 * Runs every runner's suite, spread over one worker thread per core (at most one per runner): each
 * thread loads Newman once and runs its runners at once, so the CPU work of Newman's scripts uses every
 * core while the waiting on the network overlaps. Summaries come back in the order of `runners`.
 */
export async function runSuitesInThreads(runners: SuiteOptions[]): Promise<RunSummary[]> {
  const threads = Math.max(1, Math.min(runners.length, availableParallelism()));
  const groups = Array.from({ length: threads }, (_, t) => runners.filter((_, i) => i % threads === t));
  const results = await Promise.all(groups.map(runInThread));
  return runners.map((_, i) => results[i % threads]![Math.floor(i / threads)]!);
}
