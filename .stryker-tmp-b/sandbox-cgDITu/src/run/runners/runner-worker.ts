// @ts-nocheck
// Runners of `test --parallel N` in a thread of their own (so the runners use every core): runs each
// suite options it is given with runSuite, all at once, and posts back the summaries, or the error.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../errors.js';
import { runSuite, type SuiteOptions } from './suite.js';

try {
  const summaries = await Promise.all((workerData as SuiteOptions[]).map((options) => runSuite(options)));
  parentPort?.postMessage({ kind: 'done', summaries });
} catch (error) {
  const e = error as Error;
  parentPort?.postMessage({
    kind: 'error',
    name: e.name,
    message: e.message,
    stack: e.stack,
    ...(error instanceof UserError ? { code: error.code } : {}),
  });
}
