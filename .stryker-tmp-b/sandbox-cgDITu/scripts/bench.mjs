// @ts-nocheck
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
/** Issue 9 asks for "well under a second" of work beyond start-up for import-openapi: a quarter under, here. */
const WELL_UNDER_A_SECOND = 750;
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

/** Median of what a fresh process of scripts/bench-floor.mjs reports (ms); an output folder is new each run. */
function floorPart(mode, file, out) {
  const floorScript = new URL('./bench-floor.mjs', import.meta.url).pathname;
  return median(
    Array.from({ length: RUNS }, (_, i) => {
      const args = out ? [floorScript, mode, file, `${out}-${i}`] : [floorScript, mode, file];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`bench-floor ${mode} failed: ${child.stderr}`);
      return Number(child.stdout);
    }),
  );
}

function timeGenerate(specPath, outDir, rssFile, extra = []) {
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
      ...extra,
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

const countFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1),
    0,
  );

if (!existsSync('dist/cli.js')) throw new Error('run "npm run build" first');
if (process.argv.includes('--vs-peers')) {
  await import('./bench-peers.mjs');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-'));
try {
  console.log(
    `generation: whole process (Node start-up included), median of ${RUNS} runs, a fresh output folder each run`,
  );
  const baseline = timeProcess(['-e', '0']);
  console.log(`  node -e 0 (start-up alone): ${baseline.toFixed(0)} ms`);
  const x = (ms) => `${(ms / baseline).toFixed(1)}x node -e 0`;
  const verdict = (ratio, target) => (target ? ` (target ≤ ${target}x: ${ratio <= target ? 'met' : 'MISSED'})` : '');
  let largest;
  for (const size of SIZES) {
    const specPath = join(dir, `synthetic-${size}.yaml`);
    const text = syntheticSpec(size);
    writeFileSync(specPath, text);
    // Every run writes into a fresh folder under sizeDir: nothing is up to date, every file is new.
    const sizeDir = join(dir, `out-${size}`);
    const fresh = (name, extra) => {
      const runs = Array.from({ length: RUNS }, (_, i) =>
        timeGenerate(specPath, join(sizeDir, `${name}-${i}`), join(dir, `rss-${size}-${i}`), extra),
      );
      return { ms: median(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rssKiB)) };
    };
    const v21 = fresh('v2.1', ['--format', 'v2.1']);
    const both = fresh('both', []);
    const bothOut = join(sizeDir, 'both-0');
    const files = countFiles(bothOut);
    // Re-generating after an edit of one request (a pre-commit hook's case): only changed files are written.
    const edits = Array.from({ length: RUNS }, (_, i) => {
      writeFileSync(specPath, text.replace('Synthetic request 0.', `Synthetic request 0, edit ${i}.`));
      return timeGenerate(specPath, bothOut, join(dir, `rss-edit-${size}-${i}`));
    });
    writeFileSync(specPath, text);
    const edited = median(edits.map((r) => r.ms));
    const target = { 500: 2, 2000: 4 }[size];
    console.log(
      `  ${String(size).padStart(5)} requests: v2.1 collection ${v21.ms.toFixed(0)} ms, ${x(v21.ms)}${verdict(v21.ms / baseline, target)}, peak RSS ${(v21.rss / 1024).toFixed(0)} MiB;` +
        ` both formats (${files} files) ${both.ms.toFixed(0)} ms, ${x(both.ms)}; both again after editing one request ${edited.toFixed(0)} ms, ${x(edited)}`,
    );
    rmSync(sizeDir, { recursive: true, force: true });
    largest = { size, ms: v21.ms, both: both.ms, specPath };
  }
  // The lower bound of `generate --format v2.1` for the largest description, each part in a fresh
  // process: start-up and the libraries, js-yaml reading the description, serialising and writing the
  // collection. What is left is ours: validation, the model, the writers.
  const floorOut = join(dir, 'floor');
  timeGenerate(largest.specPath, floorOut, join(dir, 'rss-floor'), []);
  const collection = join(floorOut, 'collections', `synthetic-${largest.size}.postman_collection.json`);
  const imports = timeProcess([new URL('./bench-floor.mjs', import.meta.url).pathname, 'imports']);
  const parse = floorPart('parse', largest.specPath);
  const write = floorPart('write', collection, join(dir, 'floor-write'));
  const floor = imports + parse + write;
  console.log(
    `  floor for ${largest.size} requests (v2.1): ${floor.toFixed(0)} ms, ${x(floor)} = start-up + importing yargs, ajv, js-yaml ${imports.toFixed(0)} ms` +
      ` + js-yaml reading the description ${parse.toFixed(0)} ms + serialising and writing the collection ${write.toFixed(0)} ms; the rest of generate (validation, model, writer) ${(largest.ms - floor).toFixed(0)} ms`,
  );
  // The v3 folder is thousands of small files: creating them is the file system's work.
  const folder = join(floorOut, 'postman');
  const filesMs = floorPart('files', folder, join(dir, 'floor-files'));
  console.log(
    `  floor of the v3 folder for ${largest.size} requests: creating its ${countFiles(folder)} files anew on this file system ${filesMs.toFixed(0)} ms, ${x(filesMs)} (of both formats' ${largest.both.toFixed(0)} ms)`,
  );
  // import-openapi of all of Pleo's documents as CI runs it (--check against the committed description,
  // overlay and scopes map by default): the whole process, and the work beyond Node start-up
  // (target: well under a second).
  const docs = readdirSync('collections/openapi')
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => join('collections/openapi', f));
  const importMs = timeProcess(['dist/cli.js', 'import-openapi', ...docs, '--check']);
  const beyond = importMs - baseline;
  console.log(
    `  import-openapi --check of Pleo's ${docs.length} documents: ${importMs.toFixed(0)} ms, ${x(importMs)}; ${beyond.toFixed(0)} ms of work beyond node start-up (${(beyond / baseline).toFixed(1)}x node -e 0)${beyond <= WELL_UNDER_A_SECOND ? ' (target well under 1000 ms, counted as ≤ 750: met)' : ' (target well under 1000 ms, counted as ≤ 750: MISSED)'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// `npm run bench -- --generation`: the lines above alone.
if (!process.argv.includes('--generation')) {
  await import('./bench-suite.mjs');
  await import('./bench-parallel.mjs');
}
