// @ts-nocheck
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, UserError } from '../../src/errors.js';
import { delayOf, parseLatency } from '../../src/mock/latency.js';
import { startMock, type Latency } from '../../src/mock/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import { CLI, runCli } from '../helpers/cli.js';
import { loadMinimal, MINIMAL_SPEC } from '../helpers/specs.js';

let spec: ApiDescription;
beforeAll(async () => {
  spec = await loadMinimal();
});

/** Wall time of one request to the mock's metadata endpoint, in ms. */
async function timed(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${url}/.well-known/oauth-authorization-server`);
  await res.arrayBuffer();
  expect(res.status).toBe(200);
  return performance.now() - start;
}

describe('parseLatency', () => {
  it.each<[string, { given: string; want: Latency }]>([
    ['milliseconds alone', { given: '100', want: { ms: 100, jitterMs: 0 } }],
    ['milliseconds and jitter', { given: '100,20', want: { ms: 100, jitterMs: 20 } }],
    ['spaces around the parts', { given: ' 5 , 7 ', want: { ms: 5, jitterMs: 7 } }],
    ['zero', { given: '0', want: { ms: 0, jitterMs: 0 } }],
  ])('%s', (_, { given, want }) => {
    expect(parseLatency(given)).toEqual(want);
  });

  it.each(['', 'abc', '-5', '1.5', '100,', '100,20,3', '100ms'])('"%s" → UserError OPTION_INVALID', (given) => {
    let error: unknown;
    try {
      parseLatency(given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(ERROR_CODES.OPTION_INVALID);
    expect((error as UserError).message).toBe(
      `--latency: "${given}" is not MS or MS,JITTER (whole milliseconds, e.g. 100 or 100,20)`,
    );
  });
});

describe('delayOf', () => {
  it.each<[number, number]>([
    [0, 100],
    [0.5, 110],
    [1, 120],
  ])('random() = %d → %d ms for 100,20', (random, want) => {
    expect(delayOf({ ms: 100, jitterMs: 20 }, () => random)).toBe(want);
  });
});

describe('startMock({ latency })', () => {
  it('waits before every response: 150 ms latency makes each request take at least 150 ms', async () => {
    const slow = await startMock({ spec, port: 0, latency: { ms: 150, jitterMs: 0 } });
    const fast = await startMock({ spec, port: 0 });
    try {
      await timed(fast.url); // warm-up
      const slowTimes = [await timed(slow.url), await timed(slow.url), await timed(slow.url)];
      const fastTimes = [await timed(fast.url), await timed(fast.url), await timed(fast.url)];
      for (const t of slowTimes) expect(t).toBeGreaterThanOrEqual(149);
      expect(Math.min(...slowTimes) - Math.min(...fastTimes)).toBeGreaterThanOrEqual(140);
    } finally {
      await Promise.all([slow.close(), fast.close()]);
    }
  });

  it('waits in parallel, not in turn: 5 concurrent requests at 200 ms take well under 5 × 200 ms', async () => {
    const mock = await startMock({ spec, port: 0, latency: { ms: 200, jitterMs: 0 } });
    try {
      const start = performance.now();
      await Promise.all(Array.from({ length: 5 }, () => timed(mock.url)));
      const wall = performance.now() - start;
      expect(wall).toBeGreaterThanOrEqual(199);
      expect(wall).toBeLessThan(700);
    } finally {
      await mock.close();
    }
  });

  it('jitter adds up to JITTER ms: 100,100 gives delays from 100 to 200 ms', async () => {
    const mock = await startMock({ spec, port: 0, latency: { ms: 100, jitterMs: 100 } });
    try {
      const times = await Promise.all(Array.from({ length: 8 }, () => timed(mock.url)));
      for (const t of times) {
        expect(t).toBeGreaterThanOrEqual(99);
        expect(t).toBeLessThan(400);
      }
    } finally {
      await mock.close();
    }
  });

  it.each<[string, unknown]>([
    ['a negative latency', { ms: -1, jitterMs: 0 }],
    ['a fractional jitter', { ms: 10, jitterMs: 0.5 }],
    ['a string', '100'],
  ])('%s → UserError naming "options.latency"', async (_, latency) => {
    const error = await startMock({ spec, port: 0, latency: latency as Latency }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('"options.latency" must be { ms, jitterMs } with non-negative integers');
  });
});

describe('pleo-postman mock --latency', () => {
  it('answers after the latency and says so', async () => {
    const child = spawn(process.execPath, [CLI, 'mock', '--spec', MINIMAL_SPEC, '--port', '0', '--latency', '150,0']);
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The start-up lines come in several writes: wait for the last one.
      for (let i = 0; i < 200 && !/consent page: /.test(stdout); i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1] ?? '';
      expect(url).not.toBe('');
      expect(stdout).toContain('latency: 150,0 ms before every response');
      expect(await timed(url)).toBeGreaterThanOrEqual(149);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('a malformed latency is a clear error, exit 1', () => {
    const result = runCli(['mock', '--spec', MINIMAL_SPEC, '--port', '0', '--latency', 'fast']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--latency: "fast" is not MS or MS,JITTER');
    expect(result.stderr).not.toContain('unexpected error');
  });
});
