// @ts-nocheck
import type { EventEmitter } from 'node:events';
import type { NewmanRunSummary } from 'newman';

type Execution = NewmanRunSummary['run']['executions'][number];
interface Tracked {
  cursor: { ref: string };
  item: unknown;
  assertions: Array<{ assertion: string; skipped: boolean; error?: unknown }>;
  sent: boolean;
}

/**
 * Keeps `run.executions`, the list every reporter walks, to one record per item run, in run order:
 * - Newman pushes a record once per request it sends (pm.sendRequest ones too), so a request whose
 *   pre-request script got a token was listed, and its assertions counted, two or three times;
 * - an item whose request was skipped (pm.execution.skipRequest) has assertions (Newman's table counts
 *   them) but no record at all, so JUnit and the HTML report left them out.
 * Attach it to the run's emitter at once; `complete(summary)` fixes the list in place before reports.
 * @see [newman lib/run/summary.js attachReportingTrackers](https://github.com/postmanlabs/newman/blob/v6.2.2/lib/run/summary.js)
 */
export function executionRecords() {
  const items = new Map<string, Tracked>();
  const track = (cursor: { ref?: string } | undefined, item?: unknown): Tracked | undefined => {
    if (!cursor?.ref) return undefined;
    let tracked = items.get(cursor.ref);
    if (!tracked) {
      tracked = { cursor: cursor as { ref: string }, item, assertions: [], sent: false };
      items.set(cursor.ref, tracked);
    }
    if (item !== undefined) tracked.item = item;
    return tracked;
  };
  return {
    attach(emitter: EventEmitter): void {
      emitter.on('beforeItem', (_e: unknown, o: { cursor?: { ref?: string }; item?: unknown }) =>
        track(o?.cursor, o?.item),
      );
      emitter.on('request', (_e: unknown, o: { cursor?: { ref?: string } }) => {
        const tracked = track(o?.cursor);
        if (tracked) tracked.sent = true;
      });
      emitter.on(
        'assertion',
        (error: unknown, o: { cursor?: { ref?: string }; assertion: string; skipped?: boolean }) => {
          track(o?.cursor)?.assertions.push({
            assertion: o.assertion,
            skipped: Boolean(o.skipped),
            ...(error ? { error } : {}),
          });
        },
      );
    },
    complete(summary: NewmanRunSummary): void {
      const executions = summary.run.executions as Array<Execution & { cursor?: { ref?: string } }>;
      const byRef = new Map<string, Execution>();
      for (const execution of executions) {
        const ref = execution.cursor?.ref;
        if (ref && !byRef.has(ref)) byRef.set(ref, execution);
      }
      const ordered: Execution[] = [];
      for (const [ref, tracked] of items) {
        const existing = byRef.get(ref);
        if (existing) ordered.push(existing);
        else if (!tracked.sent && tracked.assertions.length > 0 && tracked.item) {
          const item = tracked.item as { id?: string };
          ordered.push({
            cursor: tracked.cursor,
            item,
            id: item.id,
            assertions: tracked.assertions,
          } as unknown as Execution);
        }
      }
      const placed = new Set(ordered);
      for (const execution of new Set(executions)) if (!placed.has(execution)) ordered.push(execution);
      executions.splice(0, executions.length, ...ordered);
    },
  };
}
