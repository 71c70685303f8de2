// `npm run bench`: generation time and peak memory for synthetic descriptions, then the suite
// benchmark (scripts/bench-suite.mjs) and the parallel one (scripts/bench-parallel.mjs). Prints medians
// and ratios; asserts nothing (shared machines are noisy). `npm run bench -- --vs-peers` runs the
// side-by-side comparison with openapi-to-postmanv2 and Portman instead (scripts/bench-peers.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticSpec } from './synthetic-spec.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = [50, 500, 2000];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Median wall time of a whole node process. */
function timeProcess(args) {
  return median(
    Array.from({ length: RUNS }, () => {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr}`);
      return elapsedMs(start);
    }),
  );
}

/** Median of what a fresh process of scripts/bench-floor.mjs reports (ms). */
function floorPart(mode, file) {
  const floorScript = new URL('./bench-floor.mjs', import.meta.url).pathname;
  return median(
    Array.from({ length: RUNS }, () => {
      const child = spawnSync(process.execPath, [floorScript, mode, file], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`bench-floor ${mode} failed: ${child.stderr}`);
      return Number(child.stdout);
    }),
  );
}

function timeGenerate(specPath, outDir, rssFile) {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      new URL('./rss-preload.mjs', import.meta.url).pathname,
      'dist/cli.js',
      'generate',
      '--spec',
      specPath,
      '--out',
      outDir,
    ],
    {
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      encoding: 'utf8',
    },
  );
  const ms = elapsedMs(start);
  if (child.status !== 0) throw new Error(`generate failed: ${child.stderr}`);
  return { ms, rssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

if (!existsSync('dist/cli.js')) throw new Error('run "npm run build" first');
if (process.argv.includes('--vs-peers')) {
  await import('./bench-peers.mjs');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-'));
try {
  console.log(`generation: whole process (Node start-up included), median of ${RUNS} runs`);
  const baseline = timeProcess(['-e', '0']);
  console.log(`  node -e 0 (start-up alone): ${baseline.toFixed(0)} ms`);
  let largest;
  for (const size of SIZES) {
    const specPath = join(dir, `synthetic-${size}.yaml`);
    writeFileSync(specPath, syntheticSpec(size));
    const runs = Array.from({ length: RUNS }, (_, i) =>
      timeGenerate(specPath, join(dir, `out-${size}`), join(dir, `rss-${size}-${i}`)),
    );
    const ms = median(runs.map((r) => r.ms));
    const rss = Math.max(...runs.map((r) => r.rssKiB));
    // Targets relative to the machine (issue 11): 500 within 2x of node -e 0, 2,000 within 4x.
    const target = { 500: 2, 2000: 4 }[size];
    const ratio = ms / baseline;
    const verdict = target ? ` (target ≤ ${target}x node -e 0: ${ratio <= target ? 'met' : 'MISSED'})` : '';
    console.log(
      `  ${String(size).padStart(5)} requests: ${ms.toFixed(0)} ms median, ${(ms / baseline).toFixed(1)}x node start-up, peak RSS ${(rss / 1024).toFixed(0)} MiB${verdict}`,
    );
    largest = {
      size,
      ms,
      specPath,
      collectionPath: join(dir, `out-${size}`, 'collections', `synthetic-${size}.postman_collection.json`),
    };
  }
  // What the required libraries alone take for the largest description, each part in a fresh process:
  // the lower bound of `generate` before any validation, transformation or writing of ours.
  const imports = timeProcess([new URL('./bench-floor.mjs', import.meta.url).pathname, 'imports']);
  const parse = floorPart('parse', largest.specPath);
  const sdk = floorPart('sdk', largest.collectionPath);
  const floor = imports + parse + sdk;
  console.log(
    `  floor for ${largest.size} requests with the required libraries: ${floor.toFixed(0)} ms = start-up + importing yargs, postman-collection, ajv, js-yaml ${imports.toFixed(0)} ms` +
      ` + js-yaml parse ${parse.toFixed(0)} ms + postman-collection build and serialise ${sdk.toFixed(0)} ms; the rest of generate (validation, transform, writing) ${(largest.ms - floor).toFixed(0)} ms`,
  );
  // import-openapi of all of Pleo's documents (plus the overlay), writing nothing: whole process, and
  // what is left after Node start-up (target: well under a second of work).
  const docs = readdirSync('collections/openapi')
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => join('collections/openapi', f));
  const importMs = timeProcess([
    'dist/cli.js',
    'import-openapi',
    ...docs,
    '--into',
    join(dir, 'pleo-api.yaml'),
    '--overlay',
    'collections/pleo-api.overlay.yaml',
    '--dry-run',
  ]);
  console.log(
    `  import-openapi of Pleo's ${docs.length} documents: ${importMs.toFixed(0)} ms median, ${(importMs - baseline).toFixed(0)} ms beyond node start-up${importMs - baseline < 1000 ? ' (target < 1000 ms: met)' : ' (target < 1000 ms: MISSED)'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (existsSync(new URL('./bench-suite.mjs', import.meta.url))) {
  await import('./bench-suite.mjs');
}
await import('./bench-parallel.mjs');
