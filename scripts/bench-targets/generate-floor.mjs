// Issue 21 item 3: `generate --format v2.1` at 500 and 2,000 requests within 1.5x of its floor for the
// same output: start-up and importing the libraries it needs (yargs, ajv, js-yaml), js-yaml reading the
// description, serialising and writing the same collection (scripts/bench-floor.mjs, each part in a
// fresh process). And item 2's v3 folder: what it adds to generate (both formats minus v2.1 alone)
// within 1.3x of creating its files in a new folder. Runs are interleaved; medians.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, runNode } from '../bench-lib.mjs';
import { load, reportTarget } from '../bench-report.mjs';
import { syntheticSpec } from '../synthetic-spec.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_FLOOR_SIZES ?? '500,2000').split(',').map(Number);
const FLOOR = new URL('../bench-floor.mjs', import.meta.url).pathname;
const countFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1),
    0,
  );
const floorMs = (args) => Number(runNode([FLOOR, ...args]).stdout);

const dir = mkdtempSync(join(tmpdir(), 'pleo-bench-floor-'));
try {
  for (const size of SIZES) {
    const spec = join(dir, `synthetic-${size}.yaml`);
    writeFileSync(spec, syntheticSpec(size));
    const generate = (name, i, extra) =>
      runNode(['dist/cli.js', 'generate', '--spec', spec, '--out', join(dir, `${name}-${size}-${i}`), ...extra]);
    const v21 = [];
    const both = [];
    const floor = [];
    const create = [];
    for (let i = 0; i < RUNS; i++) {
      v21.push(generate('v21', i, ['--format', 'v2.1']));
      both.push(generate('both', i, []));
      const collection = join(dir, `v21-${size}-${i}`, 'collections', `synthetic-${size}.postman_collection.json`);
      floor.push(
        runNode([FLOOR, 'imports']).ms +
          floorMs(['parse', spec]) +
          floorMs(['write', collection, join(dir, `w-${size}-${i}`)]),
      );
      create.push(floorMs(['create', join(dir, `both-${size}-${i}`, 'postman'), join(dir, `c-${size}-${i}`)]));
    }
    const files = countFiles(join(dir, `both-${size}-0`, 'postman'));
    const [g, b, f, c] = [v21, both]
      .map((runs) => median(runs.map((r) => r.ms)))
      .concat([median(floor), median(create)]);
    const rss = Math.max(...v21.map((r) => r.rssKiB)) / 1024;
    console.log(
      `generate, ${size} requests (median of ${RUNS}, load ${load()}): v2.1 ${g.toFixed(0)} ms (peak ${rss.toFixed(0)} MiB), its floor ${f.toFixed(0)} ms; both formats ${b.toFixed(0)} ms, the v3 folder (${files} files) adds ${(b - g).toFixed(0)} ms, creating its files ${c.toFixed(0)} ms`,
    );
    reportTarget({
      issue: '21.3',
      what: `generate --format v2.1, ${size} requests, against its floor`,
      figure: `${(g / f).toFixed(2)}x (${g.toFixed(0)} vs ${f.toFixed(0)} ms)`,
      target: '≤ 1.5x',
      holds: g / f <= 1.5,
    });
    reportTarget({
      issue: '21.2',
      what: `the v3 folder, ${size} requests (${files} files), against creating its files`,
      figure: `${((b - g) / c).toFixed(2)}x (${(b - g).toFixed(0)} vs ${c.toFixed(0)} ms)`,
      target: '≤ 1.3x',
      holds: (b - g) / c <= 1.3,
    });
    for (const entry of readdirSync(dir))
      if (entry !== `synthetic-${size}.yaml` && !entry.endsWith('.yaml'))
        rmSync(join(dir, entry), { recursive: true, force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
