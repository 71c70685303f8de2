// Issue 21 item 5: `--parallel 4` on the default collection, the mock answering after 100 ms, at least
// 3.5x one runner (4 runners in one thread, as `test --parallel 4` runs them, and over worker threads),
// with each variant's peak memory; and the suite's time per request flat from 100 to 2,000 requests of
// a synthetic description (within 1.5x), no latency. Each run is a process of its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mib, runNode } from '../bench-lib.mjs';
import { load, reportTarget } from '../bench-report.mjs';
import { syntheticSpec } from '../synthetic-spec.mjs';

const LATENCY = Number(process.env.BENCH_PARALLEL_LATENCY ?? 100);
const FLAT_SIZES = (process.env.BENCH_FLAT_SIZES ?? '100,2000').split(',').map(Number);
const RUN = new URL('./_suite-run.mjs', import.meta.url).pathname;

function suite(spec, latency, runners, threads = false) {
  const run = runNode([RUN, spec, String(latency), String(runners), threads ? 'threads' : 'thread']);
  return { ...JSON.parse(run.stdout.trim().split('\n').at(-1)), rssKiB: run.rssKiB };
}
const line = (label, r) =>
  `  ${label.padEnd(30)} ${(r.ms / 1000).toFixed(1)} s, peak ${mib(r.rssKiB)}, ${r.requests} requests, ${r.failures} failures`;

console.log(`--parallel on the default collection, the mock answering after ${LATENCY} ms (load ${load()})`);
const spec = 'collections/pleo-api.yaml';
const one = suite(spec, LATENCY, 1);
const threads = suite(spec, LATENCY, 4, true);
const inThread = suite(spec, LATENCY, 4);
console.log(line('1 runner:', one));
console.log(line('4 runners, worker threads:', threads));
console.log(line('4 runners, one thread:', inThread));
for (const [label, r] of [
  ['worker threads (threads: true)', threads],
  ['one thread (test --parallel 4)', inThread],
]) {
  reportTarget({
    issue: '21.5',
    what: `--parallel 4 vs 1 runner, default collection, ${LATENCY} ms latency, ${label}`,
    figure: `${(one.ms / r.ms).toFixed(2)}x (${(one.ms / 1000).toFixed(1)} → ${(r.ms / 1000).toFixed(1)} s), peak ${mib(r.rssKiB)} vs ${mib(one.rssKiB)}${r.failures > 0 ? `, ${r.failures} failures` : ''}`,
    target: '≥ 3.5x',
    holds: one.ms / r.ms >= 3.5 && r.failures === 0,
  });
}

const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-flat-'));
try {
  const perRequest = FLAT_SIZES.map((size) => {
    const path = join(dir, `synthetic-${size}.yaml`);
    writeFileSync(path, syntheticSpec(size));
    const r = suite(path, 0, 1);
    console.log(line(`suite, ${size} requests:`, r) + `, ${(r.ms / r.requests).toFixed(1)} ms a request`);
    return { size, ms: r.ms / r.requests, requests: r.requests };
  });
  const first = perRequest[0];
  const last = perRequest.at(-1);
  reportTarget({
    issue: '21.5',
    what: `suite time per request, ${first.size} → ${last.size} requests of a synthetic description`,
    figure: `${(last.ms / first.ms).toFixed(2)}x (${first.ms.toFixed(1)} → ${last.ms.toFixed(1)} ms a request)`,
    target: '≤ 1.5x',
    holds: last.ms / first.ms <= 1.5,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
