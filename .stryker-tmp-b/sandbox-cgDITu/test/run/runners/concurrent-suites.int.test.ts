// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { localOverrides, runNewman } from '../../../src/run/index.js';
import { loadDefault } from '../../helpers/specs.js';
import { obtainRefreshToken, refreshOrExchange } from '../helpers/tokens.js';

const SUITES = 8;
/**
 * Creates of the default description, the later requests of the same suite on that record (reads,
 * updates, the delete), where to read the record back afterwards and how it ends.
 */
const CREATED: ReadonlyArray<{ create: string; later: string[]; path: string; end: 'ARCHIVED' | 'deleted' }> = [
  {
    create: 'Create vendor',
    later: ['Get vendor', 'Update vendor', 'Activate vendor', 'Archive vendor'],
    path: '/v1/vendors/',
    end: 'ARCHIVED',
  },
  {
    create: 'Create account',
    later: ['Get account', 'Update account', 'Delete account'],
    path: '/v1/chart-of-accounts/',
    end: 'deleted',
  },
  {
    create: 'Create a new account',
    later: ['Retrieves an account in Pleo by its ID', 'Update an account', 'Delete an account'],
    path: '/v1-beta/accounts/',
    end: 'deleted',
  },
  {
    create: 'Create tag group',
    later: ['Create tag', 'List tags', 'Retrieve a tag group by its id', 'Update a tag group', 'Delete tag group'],
    path: '/v0/tag-groups/',
    end: 'deleted',
  },
  {
    create: 'Create a new tag group dimension',
    later: ['Retrieve a tag group dimension', 'Update a tag group dimension', 'Delete a tag group dimension'],
    path: '/v0/tag-groups/any/dimensions/', // the mock looks a dimension up by its own id
    end: 'deleted',
  },
  {
    create: 'Create tag', // under the suite's tag group; read, updated and deleted at /v0/tags/{tagId}
    later: ['Retrieve a tag by its id', 'Update a tag', 'Delete a tag'],
    path: '/v0/tags/',
    end: 'deleted',
  },
  {
    create: 'Create a new tax code',
    later: ['Update a tax code', 'Delete a tax code'],
    path: '/v0/tax-codes/',
    end: 'deleted',
  },
  {
    create: 'Create a subscription',
    later: ['Get subscription by id', 'Update a subscription', 'Delete subscription by id'],
    path: '/v1/subscriptions/',
    end: 'deleted',
  },
];

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
    const created = CREATED.map(({ create }) => summaries.map((summary) => createdId(execution(summary, create))));
    CREATED.forEach(({ create, later }, c) => {
      const ids = created[c] ?? [];
      expect(new Set(ids).size, `${create}: one record per suite`).toBe(SUITES);
      summaries.forEach((summary, i) => {
        // The suite's later requests went to the record it created, not another suite's or a seeded one.
        for (const name of later) expect(execution(summary, name).request.url.toString()).toContain(ids[i]);
      });
    });
    // No request of one suite names a record another suite created.
    summaries.forEach((summary, i) => {
      const foreign = created.flatMap((ids) => ids.filter((_, j) => j !== i));
      for (const e of summary.run.executions as Execution[]) {
        const url = e.request.url.toString();
        expect(
          foreign.filter((id) => url.includes(id)),
          `suite ${i}: ${e.item.name}`,
        ).toEqual([]);
      }
    });
    for (const [c, { path, end }] of CREATED.entries()) {
      for (const id of created[c] ?? []) {
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
