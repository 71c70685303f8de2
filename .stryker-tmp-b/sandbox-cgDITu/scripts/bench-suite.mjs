// @ts-nocheck
// Suite benchmark (run by `npm run bench` after scripts/bench.mjs; needs `npm run build`): wall time and
// requests per second of the whole contract suite against the embedded mock, median of RUNS runs, and the
// harness's overhead against plain programmatic `newman.run` on the same generated collection and
// environment. Prints; asserts nothing (shared machines are noisy).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const RUNS = Number(process.env.BENCH_SUITE_RUNS ?? 5);
const SPEC = process.env.BENCH_SUITE_SPEC ?? 'collections/pleo-api.yaml';
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
if (!existsSync(new URL('../dist/run/index.js', import.meta.url))) throw new Error('run "npm run build" first');

const newman = createRequire(import.meta.url)('newman');
const { loadSpec } = await import(dist('description/index.js'));
const { buildCollection, buildEnvironment, neededScopes } = await import(dist('generate/index.js'));
const { startMock } = await import(dist('mock/index.js'));
const { runLocalSuite, localOverrides } = await import(dist('run/index.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const elapsed = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** The harness as `pleo-postman test` runs it: mock start and stop, generation and redaction included. */
async function harnessRun(spec) {
  const start = process.hrtime.bigint();
  const summary = await runLocalSuite({ spec, reporters: [] });
  return { ms: elapsed(start), requests: summary.requests.total, failures: summary.failures.length };
}

/** Plain `newman.run` on the same collection and environment, against a mock started beforehand (not timed). */
async function plainRun(spec) {
  const mock = await startMock({ spec, port: 0, autoApprove: true });
  try {
    const collection = buildCollection(spec).collection;
    const environment = buildEnvironment(spec, 'local', neededScopes(spec));
    const envVar = Object.entries(localOverrides(mock.url)).map(([key, value]) => ({ key, value }));
    const start = process.hrtime.bigint();
    const summary = await new Promise((resolve, reject) => {
      newman.run({ collection, environment, envVar, reporters: [] }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
    });
    return { ms: elapsed(start), requests: summary.run.stats.requests.total, failures: summary.run.failures.length };
  } finally {
    await mock.close();
  }
}

const spec = await loadSpec(SPEC);
await harnessRun(spec); // warm-up: module loading, JIT
await plainRun(spec);
const harness = [];
const plain = [];
for (let i = 0; i < RUNS; i++) {
  harness.push(await harnessRun(spec));
  plain.push(await plainRun(spec));
}
const harnessMs = median(harness.map((r) => r.ms));
const plainMs = median(plain.map((r) => r.ms));
const requests = harness[0].requests;
const failures = Math.max(...harness.map((r) => r.failures), ...plain.map((r) => r.failures));
console.log(`contract suite against the mock (${SPEC}), median of ${RUNS} runs`);
console.log(
  `  pleo-postman harness: ${harnessMs.toFixed(0)} ms for ${requests} requests, ${(requests / (harnessMs / 1000)).toFixed(0)} requests/s (mock start/stop, generation, redaction included)`,
);
console.log(
  `  plain newman.run:     ${plainMs.toFixed(0)} ms for ${plain[0].requests} requests, ${(plain[0].requests / (plainMs / 1000)).toFixed(0)} requests/s`,
);
console.log(
  `  harness overhead:     ${(harnessMs / plainMs).toFixed(2)}x plain newman.run (target ≤ 1.1x: ${harnessMs / plainMs <= 1.1 ? 'met' : 'MISSED'})`,
);
if (failures > 0) console.log(`  warning: ${failures} failures in some runs; the timings measure a failing suite`);
