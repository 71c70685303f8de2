// @ts-nocheck
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../../src/description/index.js';
import type * as RunModule from '../../../src/run/index.js';
import { loadMinimal } from '../../helpers/specs.js';

// Worker threads need the compiled worker (dist/run/runner-worker.js), which `npm test` builds first.
const DIST = resolve('dist/run/index.js');

let spec: ApiDescription;
beforeAll(async () => {
  spec = await loadMinimal();
});

describe.skipIf(!existsSync(DIST))('--parallel over worker threads (the built harness)', () => {
  it('gives the same verdict as one thread, with one summary, when a break is in one runner', async () => {
    const run = (await import(pathToFileURL(DIST).href)) as typeof RunModule;
    const mock = {
      tamper: (ctx: { request: { name: string }; status: number; body: unknown }) =>
        ctx.request.name === 'Introspect token' && ctx.status < 300 ? { status: 202, body: ctx.body } : undefined,
    };
    const sequential = await run.runLocalSuite({ spec: spec as never, reporters: [], mock: mock as never });
    const threaded = await run.runLocalSuite({
      spec: spec as never,
      reporters: [],
      mock: mock as never,
      parallel: 3,
      threads: true,
    });
    expect(threaded.failures).toEqual(sequential.failures);
    expect(threaded.assertions).toEqual(sequential.assertions);
    expect(threaded.ok).toBe(false);
  });
});
