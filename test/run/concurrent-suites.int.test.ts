import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../src/generate/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { localOverrides, runNewman } from '../../src/run/index.js';
import { loadDefault } from '../helpers/specs.js';
import { obtainRefreshToken, refreshOrExchange } from './helpers/tokens.js';

const SUITES = 8;
/** Creates of the default description, a later request of the same suite on that record, how it ends. */
const CREATED = [
  { create: 'Create vendor', later: 'Archive vendor', path: '/v1/vendors/', end: 'ARCHIVED' },
  { create: 'Create account', later: 'Delete account', path: '/v1/chart-of-accounts/', end: 'deleted' },
  { create: 'Create tag group', later: 'Delete tag group', path: '', end: 'no read-back' }, // no GET of one group
] as const;

type Execution = {
  item: { name: string };
  request: { url: { toString(): string } };
  response?: { stream?: Buffer };
};

const execution = (summary: { run: { executions: unknown[] } }, name: string): Execution => {
  const found = (summary.run.executions as Execution[]).find((e) => e.item.name === name);
  if (!found) throw new Error(`no execution of "${name}"`);
  return found;
};

const createdId = (e: Execution): string =>
  (JSON.parse(e.response?.stream?.toString('utf8') ?? '{}') as { data?: { id?: string } }).data?.id ?? '';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadDefault();
  // A little latency, with jitter, so the suites' requests interleave rather than run in turn.
  mock = await startMock({ spec, port: 0, autoApprove: true, latency: { ms: 2, jitterMs: 8 } });
});
afterAll(async () => {
  await mock.close();
});

describe(`one mock, ${SUITES} concurrent suites`, () => {
  it('every suite passes, and each one’s creates, updates and deletes are its own', { timeout: 180_000 }, async () => {
    const summaries = await Promise.all(
      Array.from({ length: SUITES }, () =>
        runNewman({
          collection: buildCollection(spec).collection as never,
          environment: buildEnvironment(spec, 'local', neededScopes(spec)) as never,
          envVar: Object.entries(localOverrides(mock.url)).map(([key, value]) => ({ key, value })),
          reporters: [],
        }),
      ),
    );
    for (const summary of summaries) {
      expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error?.message}`)).toEqual([]);
      expect(summary.run.stats.assertions.total).toBeGreaterThan(150);
    }
    const token = (
      await refreshOrExchange(mock.url, {
        grant_type: 'refresh_token',
        refresh_token: await obtainRefreshToken(mock.url, neededScopes(spec).join(' ')),
      })
    ).access_token;
    const read = async (path: string) => {
      const res = await fetch(`${mock.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as { data?: { state?: string } } };
    };
    for (const { create, later, path, end } of CREATED) {
      const ids = summaries.map((summary) => createdId(execution(summary, create)));
      expect(new Set(ids).size, `${create}: one record per suite`).toBe(SUITES);
      summaries.forEach((summary, i) => {
        // The suite's later request went to the record it created, not another suite's.
        expect(execution(summary, later).request.url.toString()).toContain(ids[i]);
      });
      for (const id of end === 'no read-back' ? [] : ids) {
        const record = await read(`${path}${id}`);
        if (end === 'ARCHIVED') {
          expect(record.status).toBe(200);
          expect(record.body.data?.state).toBe('ARCHIVED');
        } else {
          expect(record.status, `${path}${id} was deleted by its suite`).toBe(404);
        }
      }
    }
  });
});
