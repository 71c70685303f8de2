// @ts-nocheck
// Parallel benchmark (run by `npm run bench` after scripts/bench-suite.mjs; needs `npm run build`): a
// synthetic suite of 500 requests (scripts/synthetic-spec.mjs) against the embedded mock answering after
// 100 ms, like a staging API, with 1 runner and with 4 (`test --parallel 4`: in this thread, and spread
// over worker threads). Prints the wall times and the speed-up against the target; asserts nothing.
import { existsSync } from 'node:fs';
import { syntheticSpec } from './synthetic-spec.mjs';

const REQUESTS = Number(process.env.BENCH_PARALLEL_REQUESTS ?? 500);
const LATENCY_MS = Number(process.env.BENCH_PARALLEL_LATENCY ?? 100);
const RUNNERS = 4;
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
if (!existsSync(new URL('../dist/run/index.js', import.meta.url))) throw new Error('run "npm run build" first');

const { validateSpec } = await import(dist('description/index.js'));
const { runLocalSuite } = await import(dist('run/index.js'));
const { spec, problems } = validateSpec(syntheticSpec(REQUESTS), 'synthetic.yaml');
if (!spec) throw new Error(`synthetic description invalid: ${JSON.stringify(problems)}`);

async function timed(options) {
  const start = process.hrtime.bigint();
  const summary = await runLocalSuite({
    spec,
    reporters: [],
    mock: { latency: { ms: LATENCY_MS, jitterMs: 0 } },
    ...options,
  });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, summary };
}

console.log(`parallel runners: a synthetic suite of ${REQUESTS} requests, the mock answering after ${LATENCY_MS} ms`);
const one = await timed({});
const inThread = await timed({ parallel: RUNNERS });
const threads = await timed({ parallel: RUNNERS, threads: true });
const line = (label, r) =>
  `  ${label.padEnd(34)} ${(r.ms / 1000).toFixed(1)} s, ${r.summary.requests.total} requests, ${r.summary.assertions.total} assertions, ${r.summary.failures.length} failures`;
console.log(line('1 runner:', one));
console.log(line(`${RUNNERS} runners (one thread):`, inThread));
console.log(line(`${RUNNERS} runners (worker threads):`, threads));
const best = Math.max(one.ms / inThread.ms, one.ms / threads.ms);
console.log(
  `  speed-up with ${RUNNERS} runners: ${(one.ms / inThread.ms).toFixed(1)}x in one thread, ${(one.ms / threads.ms).toFixed(1)}x over worker threads (target ≥ 3x: ${one.ms / inThread.ms >= 3 ? 'met' : best >= 3 ? 'met over worker threads only, not by test --parallel' : 'MISSED'})`,
);
