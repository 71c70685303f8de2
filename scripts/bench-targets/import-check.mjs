// Issue 21 item 4: `import-openapi --check` of Pleo's documents on an unchanged input answers from the
// fingerprint recorded in the description: at most 3x `node -e 0` of work beyond start-up. The full
// import (into a fresh file, so nothing is recorded yet) is printed beside it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, nodeBaseline, runNode } from '../bench-lib.mjs';
import { reportTarget } from '../bench-report.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const docs = readdirSync('collections/openapi')
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => join('collections/openapi', f));

console.log(
  `import-openapi --check of Pleo's ${docs.length} documents, median of ${RUNS} runs, interleaved with node -e 0`,
);
const check = [];
const node = [];
let fast = true;
for (let i = 0; i < RUNS; i++) {
  node.push(runNode(['-e', '0']).ms);
  const run = runNode(['dist/cli.js', 'import-openapi', ...docs, '--check']);
  fast &&= run.stdout.includes('inputs unchanged since the import');
  check.push(run.ms);
}
const scratch = mkdtempSync(join(tmpdir(), 'pleo-bench-import-'));
const full = median(
  Array.from({ length: 3 }, (_, i) =>
    runNode([
      'dist/cli.js',
      'import-openapi',
      ...docs,
      '--into',
      join(scratch, `pleo-api-${i}.yaml`),
      '--overlay',
      'collections/pleo-api.overlay.yaml',
    ]),
  ).map((r) => r.ms),
);
rmSync(scratch, { recursive: true, force: true });
const baseline = median(node) || nodeBaseline();
const beyond = median(check) - baseline;
console.log(
  `  node -e 0 ${baseline.toFixed(0)} ms; --check ${median(check).toFixed(0)} ms${fast ? '' : ' (NOT the fast path: the recorded fingerprint is stale, run import-openapi)'}; the full import ${full.toFixed(0)} ms (${(full / baseline).toFixed(1)}x node -e 0)`,
);
reportTarget({
  issue: '21.4',
  what: "import-openapi --check, Pleo's documents unchanged: work beyond start-up",
  figure: `${beyond.toFixed(0)} ms, ${(beyond / baseline).toFixed(1)}x node -e 0${fast ? '' : ', full import'}`,
  target: '≤ 3x node -e 0',
  holds: fast && beyond <= 3 * baseline,
});
