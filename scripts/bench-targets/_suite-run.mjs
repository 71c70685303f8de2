// One suite run for scripts/bench-targets/parallel.mjs, in a process of its own (so its peak memory is
// its own): node _suite-run.mjs SPEC LATENCY_MS RUNNERS THREADS; prints {ms, requests, failures} as JSON.
import { readFileSync } from 'node:fs';

const [specPath, latency, runners, threads] = process.argv.slice(2);
const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const { validateSpec } = await import(dist('description/index.js'));
const { runLocalSuite } = await import(dist('run/index.js'));
const { spec, problems } = validateSpec(readFileSync(specPath, 'utf8'), specPath);
if (!spec) throw new Error(`invalid description: ${JSON.stringify(problems)}`);
const start = process.hrtime.bigint();
const summary = await runLocalSuite({
  spec,
  reporters: [],
  ...(Number(latency) > 0 ? { mock: { latency: { ms: Number(latency), jitterMs: 0 } } } : {}),
  ...(Number(runners) > 1 ? { parallel: Number(runners), threads: threads === 'threads' } : {}),
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, requests: summary.requests.total, failures: summary.failures.length }));
