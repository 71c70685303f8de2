// @ts-nocheck
import type { EventEmitter } from 'node:events';
import type { NewmanRunOptions, NewmanRunSummary } from 'newman';

export type { NewmanRunOptions, NewmanRunSummary };

export interface NewmanHooks {
  /**
   * Called once the run is over and before any reporter builds its report (reporters render on
   * `beforeDone` too; this listener is put in front of theirs). It may change the summary in place.
   */
  beforeReports?: (summary: NewmanRunSummary) => void;
  /**
   * Called synchronously on every `request` event (requests of the collection and of `pm.sendRequest`),
   * with the response, before postman-runtime goes on. If it throws, the run is aborted and rejects.
   */
  onRequest?: (event: { request?: unknown; response?: unknown }) => void;
  /** Called with the run's event emitter as soon as the run starts, before any event. */
  onStart?: (emitter: EventEmitter) => void;
}

/**
 * `newman.run` as a Promise of its summary. A run error (a collection newman cannot run, an
 * unknown folder) rejects; failed assertions resolve, and the caller reads `run.failures`.
 * Extends Newman through its events only.
 * @see [newman lib/run/index.js](https://github.com/postmanlabs/newman/blob/v6.2.2/lib/run/index.js)
 */
export async function runNewman(options: NewmanRunOptions, hooks: NewmanHooks = {}): Promise<NewmanRunSummary> {
  // Loaded on first use (about 2 s): commands can say what they are doing before that.
  const { default: newman } = await import('newman');
  return new Promise((resolve, reject) => {
    let hookError: unknown;
    let run: { abort(): void } | undefined;
    const emitter: EventEmitter = newman.run(options, (error, summary) => {
      if (hookError !== undefined) reject(hookError);
      else if (error) reject(error);
      else resolve(summary);
    });
    hooks.onStart?.(emitter);
    if (hooks.onRequest) {
      const hook = hooks.onRequest;
      emitter.on('start', (_error: unknown, event: { run?: { abort(): void } }) => {
        run = event.run;
      });
      emitter.on('request', (_error: unknown, event: { request?: unknown; response?: unknown }) => {
        if (hookError !== undefined) return;
        try {
          hook(event);
        } catch (error) {
          hookError = error;
          run?.abort();
        }
      });
    }
    if (hooks.beforeReports) {
      const hook = hooks.beforeReports;
      emitter.prependListener('beforeDone', (_error: unknown, event: { summary: NewmanRunSummary }) =>
        hook(event.summary),
      );
    }
  });
}
