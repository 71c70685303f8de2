// Suite overhead per request (run by `npm run bench`; needs `npm run build`): what the collection's scripts
// cost per request, as a ratio to one trivial test script (`pm.test('ok', …status 200)`), both over a plain
// `newman.run` of the same requests with no script at all, in one run, interleaved, against the embedded
// mock. Measured as the process's CPU time (the mock runs in it too, so it cancels out in the differences):
// on a shared machine wall time mostly measures the neighbours. Target (issue 21, item 1): ours ≤ 2x trivial.
// Prints; asserts nothing.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticSpec } from './synthetic-spec.mjs';

const RUNS = Number(process.env.BENCH_OVERHEAD_RUNS ?? 5);
const TARGET = 2;
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
const newman = createRequire(import.meta.url)('newman');
const { loadSpec } = await import(dist('description/index.js'));
const { buildCollection, buildEnvironment, neededScopes } = await import(dist('generate/index.js'));
const { startMock } = await import(dist('mock/index.js'));
const { localOverrides } = await import(dist('run/index.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const clone = (value) => JSON.parse(JSON.stringify(value));
const eachItem = (items, visit) => {
  for (const item of items) {
    visit(item);
    if (item.item) eachItem(item.item, visit);
  }
};

/** The same requests with no script anywhere (collection, folders, requests). */
function withoutScripts(collection) {
  const copy = clone(collection);
  delete copy.event;
  eachItem(copy.item, (item) => delete item.event);
  return copy;
}

/** The same requests, each with one trivial test script and nothing else. */
function withTrivialTests(collection) {
  const copy = withoutScripts(collection);
  eachItem(copy.item, (item) => {
    if (item.request)
      item.event = [
        { listen: 'test', script: { exec: ["pm.test('ok', function () { pm.response.to.have.status(200); });"] } },
      ];
  });
  return copy;
}

function run(collection, environment, envVar) {
  return new Promise((resolve, reject) => {
    const before = process.cpuUsage();
    newman.run({ collection, environment, envVar, reporters: [] }, (error, summary) => {
      if (error) return reject(error);
      const cpu = process.cpuUsage(before);
      resolve({ cpuMs: (cpu.user + cpu.system) / 1000, requests: summary.run.executions.length, summary });
    });
  });
}

async function measure(label, spec) {
  const mock = await startMock({ spec, port: 0, autoApprove: true });
  try {
    const ours = buildCollection(spec).collection;
    const environment = buildEnvironment(spec, 'local', neededScopes(spec));
    const overrides = Object.entries(localOverrides(mock.url)).map(([key, value]) => ({ key, value }));
    // The scriptless variants cannot fetch a token: they get the one our collection fetched (same requests, same answers).
    const first = await run(ours, environment, overrides);
    const accessToken = first.summary.environment.values.find((v) => v.key === 'accessToken')?.value ?? '';
    const envVar = [...overrides, { key: 'accessToken', value: accessToken }];
    const variants = { none: withoutScripts(ours), trivial: withTrivialTests(ours), ours };
    const runs = { none: [], trivial: [], ours: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const [name, collection] of Object.entries(variants))
        runs[name].push(await run(collection, environment, envVar));
    }
    const perRequest = (name) => median(runs[name].map((r) => r.cpuMs / r.requests));
    const none = perRequest('none');
    const trivial = perRequest('trivial') - none;
    const ourScripts = perRequest('ours') - none;
    const ratio = ourScripts / trivial;
    console.log(
      `  ${label} (${runs.ours[0].requests} requests): per request over no scripts (${none.toFixed(1)} ms CPU), one trivial test script ${trivial.toFixed(1)} ms, ours ${ourScripts.toFixed(1)} ms: ${ratio.toFixed(2)}x trivial (target ≤ ${TARGET}x: ${ratio <= TARGET ? 'met' : 'MISSED'})`,
    );
  } finally {
    await mock.close();
  }
}

console.log(`suite overhead: CPU time per request of plain newman.run, median of ${RUNS} interleaved runs`);
await measure('default collection', await loadSpec(process.env.BENCH_SUITE_SPEC ?? 'collections/pleo-api.yaml'));
if (!process.argv.includes('--quick')) {
  const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-overhead-'));
  try {
    const path = join(dir, 'synthetic-500.yaml');
    writeFileSync(path, syntheticSpec(500));
    await measure('synthetic, 500 requests', await loadSpec(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
