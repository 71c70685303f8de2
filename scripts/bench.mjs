// `npm run bench`: generation time and peak memory for synthetic descriptions, then the suite
// benchmark (scripts/bench-suite.mjs). Prints medians and ratios; asserts nothing (shared machines are noisy).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticSpec } from './synthetic-spec.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = [50, 500, 2000];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeGenerate(specPath, outDir, rssFile) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', new URL('./rss-preload.mjs', import.meta.url).pathname, 'dist/cli.js', 'generate', '--spec', specPath, '--out', outDir], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`generate failed: ${child.stderr}`);
  return { ms, rssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

if (!existsSync('dist/cli.js')) throw new Error('run "npm run build" first');
const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-'));
try {
  console.log(`generation: whole process (Node start-up included), median of ${RUNS} runs`);
  const baseline = median(Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }));
  console.log(`  node -e 0 (start-up alone): ${baseline.toFixed(0)} ms`);
  for (const size of SIZES) {
    const specPath = join(dir, `synthetic-${size}.yaml`);
    writeFileSync(specPath, syntheticSpec(size));
    const runs = Array.from({ length: RUNS }, (_, i) => timeGenerate(specPath, join(dir, `out-${size}`), join(dir, `rss-${size}-${i}`)));
    const ms = median(runs.map((r) => r.ms));
    const rss = Math.max(...runs.map((r) => r.rssKiB));
    const verdict = size === 2000 ? (ms < 1000 ? ' (target < 1000 ms: met)' : ' (target < 1000 ms: MISSED)') : '';
    console.log(`  ${String(size).padStart(5)} requests: ${ms.toFixed(0)} ms median, ${(ms / baseline).toFixed(1)}x node start-up, peak RSS ${(rss / 1024).toFixed(0)} MiB${verdict}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (existsSync(new URL('./bench-suite.mjs', import.meta.url))) {
  await import('./bench-suite.mjs');
}
