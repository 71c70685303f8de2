// `npm run bench -- --vs-peers`: ours against openapi-to-postmanv2 6.3.3 and Portman 1.33.0 on the same
// synthetic OpenAPI documents (scripts/synthetic-openapi.mjs; 500 and 2,000 operations) and Pleo's 14
// documents (one peer process per document, their `openapi: 3.2.0` given as 3.1.0), as whole
// processes, interleaved, median of ROUNDS rounds: wall time, peak RSS, output size, ratios, and the
// machine's `node -e 0` measured in the same run. The peers are installed into a temporary folder with
// `npm install --prefix` (never dependencies of this project). Prints; asserts nothing.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportTarget } from './bench-report.mjs';
import { syntheticOpenApi } from './synthetic-openapi.mjs';

const ROUNDS = Math.max(3, Number(process.env.BENCH_PEER_ROUNDS ?? 3));
// 'pleo': Pleo's 14 documents (collections/openapi/), one peer process per document, times added up.
const SIZES = (process.env.BENCH_PEER_SIZES ?? 'pleo,500,2000').split(',').map((n) => (n === 'pleo' ? n : Number(n)));
const PEERS = ['openapi-to-postmanv2@6.3.3', '@apideck/portman@1.33.0'];
// Portman 1.33.0 requires tslib without declaring it as a dependency: installed beside it.
const PEER_EXTRAS = ['tslib@2'];
const CLI = resolve('dist/cli.js');
const RSS_PRELOAD = new URL('./rss-preload.mjs', import.meta.url).pathname;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const size = (bytes) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`);

/** Runs `node script args` and measures wall time and peak RSS (GNU time, or a preload that reports it). */
function measure(script, args, { cwd, scratch }) {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const [command, argv, env] = GNU_TIME
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, script, ...args], process.env]
    : [process.execPath, ['--import', RSS_PRELOAD, script, ...args], { ...process.env, BENCH_RSS_FILE: rssFile }];
  const start = process.hrtime.bigint();
  const child = spawnSync(command, argv, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(
      `${script} ${args.join(' ')} exited ${child.status}: ${(child.stderr || child.stdout).slice(-2000)}`,
    );
  }
  const rssKiB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
  return { ms, rssKiB };
}

/** Requests and pm.test calls in a Postman collection file: proof that a converter did its job. */
function collectionFacts(path) {
  const text = readFileSync(path, 'utf8');
  const json = JSON.parse(text);
  const count = (items) => (items ?? []).reduce((n, i) => n + (i.item ? count(i.item) : i.request ? 1 : 0), 0);
  return { bytes: statSync(path).size, requests: count(json.item), tests: (text.match(/pm\.test\(/g) ?? []).length };
}

function ourSideAvailable() {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  return /import-openapi/.test(help.stdout ?? '');
}

if (!existsSync(CLI)) throw new Error('run "npm run build" first');
const scratch = mkdtempSync(join(tmpdir(), 'pleo-bench-peers-'));
const peersDir = process.env.BENCH_PEERS_DIR ? resolve(process.env.BENCH_PEERS_DIR) : join(scratch, 'peers');
try {
  console.log(`side by side with the peers: whole processes, interleaved, median of ${ROUNDS} rounds`);
  console.log(`  machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  const binOf = (name, bin) => join(peersDir, 'node_modules', name, bin);
  const o2pBin = binOf('openapi-to-postmanv2', 'bin/openapi2postmanv2.js');
  const portmanBin = binOf('@apideck/portman', 'bin/portman');
  if (!existsSync(o2pBin) || !existsSync(portmanBin)) {
    console.log(`  installing ${[...PEERS, ...PEER_EXTRAS].join(', ')} into ${peersDir} (npm install --prefix)`);
    mkdirSync(peersDir, { recursive: true });
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        peersDir,
        '--no-audit',
        '--no-fund',
        '--save-exact',
        '--loglevel=error',
        ...PEERS,
        ...PEER_EXTRAS,
      ],
      { stdio: 'inherit' },
    );
    if (install.status !== 0) throw new Error('installing the peers failed');
  }
  const ours = ourSideAvailable();
  if (!ours) console.log('  ours: import-openapi not available in this build (the peers are measured alone)');

  const pleoDocs = readdirSync('collections/openapi')
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => resolve('collections/openapi', f));
  // The peers' parsers refuse `openapi: 3.2.0` (Pleo's version): they get copies that say 3.1.0.
  const peerPleoDocs = pleoDocs.map((path, i) => {
    const copy = join(scratch, `pleo-${i}.yml`);
    writeFileSync(copy, readFileSync(path, 'utf8').replace(/^openapi: ["']?3\.2\.\d+["']?$/m, 'openapi: 3.1.0'));
    return copy;
  });
  const docs = SIZES.map((n) => {
    if (n === 'pleo')
      return {
        n: "Pleo's 14 documents",
        label: "Pleo's 14 documents",
        paths: pleoDocs,
        peerPaths: peerPleoDocs,
        ours: [
          '--scopes-map',
          resolve('collections/openapi/pleo-scopes.yaml'),
          '--overlay',
          resolve('collections/pleo-api.overlay.yaml'),
        ],
      };
    const path = join(scratch, `synthetic-${n}.openapi.json`);
    writeFileSync(path, JSON.stringify(syntheticOpenApi(n), null, 2));
    return { n, label: `${n} operations`, paths: [path], ours: [] };
  });
  /** The v2.1 collection our side wrote under `out`. */
  const collectionIn = (out) => {
    const collections = join(out, 'collections');
    const name = readdirSync(collections).find((f) => f.endsWith('.postman_collection.json'));
    return join(collections, name ?? 'missing.postman_collection.json');
  };
  /** A peer that reads one document per process, over every document: times added, the largest peak. */
  const eachDocument = (doc, out, runOne) => {
    const runs = (doc.peerPaths ?? doc.paths).map((path, i) => runOne(path, join(out, `collection-${i}.json`)));
    return {
      ms: runs.reduce((n, r) => n + r.ms, 0),
      rssKiB: Math.max(...runs.map((r) => r.rssKiB)),
      files: runs.map((r) => r.file),
    };
  };
  const tools = [
    {
      // One command, as a user with an OpenAPI document runs it: the import, then the v2.1 collection
      // (the one file the peers write too; the v3 folder is thousands of files more) in the same process.
      name: 'pleo-postman',
      enabled: ours,
      run: (doc, out) => {
        const description = join(out, 'description.yaml');
        const args = ['import-openapi', ...doc.paths, '--into', description, ...doc.ours];
        const run = measure(CLI, [...args, '--generate', '--out', out, '--format', 'v2.1'], { cwd: out, scratch });
        return { ...run, file: collectionIn(out) };
      },
    },
    {
      // The same output from two commands, two processes: the second reads and checks the description again.
      name: 'pleo-postman, two commands',
      enabled: ours,
      run: (doc, out) => {
        const description = join(out, 'description.yaml');
        const a = measure(CLI, ['import-openapi', ...doc.paths, '--into', description, ...doc.ours], {
          cwd: out,
          scratch,
        });
        const b = measure(CLI, ['generate', '--spec', description, '--out', out, '--format', 'v2.1'], {
          cwd: out,
          scratch,
        });
        return { ms: a.ms + b.ms, rssKiB: Math.max(a.rssKiB, b.rssKiB), file: collectionIn(out) };
      },
    },
    {
      name: 'openapi-to-postmanv2 6.3.3',
      enabled: true,
      run: (doc, out) =>
        eachDocument(doc, out, (path, file) => ({
          ...measure(o2pBin, ['-s', path, '-o', file], { cwd: out, scratch }),
          file,
        })),
    },
    {
      name: 'Portman 1.33.0 (contract tests)',
      enabled: true,
      run: (doc, out) =>
        eachDocument(doc, out, (path, file) => ({
          ...measure(portmanBin, ['-l', path, '-o', file, '--runNewman', 'false'], { cwd: out, scratch }),
          file,
        })),
    },
  ].filter((t) => t.enabled);

  const results = new Map(); // `${n} ${tool}` → runs
  const baseline = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(measure('-e', ['0'], { cwd: scratch, scratch }).ms);
    for (const doc of docs) {
      // Interleaved, and the order turns every round, so a slow moment of the machine is shared out.
      const order = tools.map((_, i) => tools[(i + round) % tools.length]);
      for (const tool of order) {
        const out = mkdtempSync(join(scratch, 'out-'));
        const run = tool.run(doc, out);
        const facts = (run.files ?? [run.file]).map(collectionFacts).reduce((a, b) => ({
          bytes: a.bytes + b.bytes,
          requests: a.requests + b.requests,
          tests: a.tests + b.tests,
        }));
        const key = `${doc.n} ${tool.name}`;
        results.set(key, [...(results.get(key) ?? []), { ...run, ...facts }]);
        rmSync(out, { recursive: true, force: true });
      }
    }
  }
  const node = median(baseline);
  console.log(`  node -e 0 (start-up alone): ${node.toFixed(0)} ms`);
  for (const doc of docs) {
    console.log(`  ${doc.label}:`);
    const row = (tool) => {
      const runs = results.get(`${doc.n} ${tool.name}`);
      return {
        ms: median(runs.map((r) => r.ms)),
        rssKiB: median(runs.map((r) => r.rssKiB)),
        bytes: runs[0].bytes,
        requests: runs[0].requests,
        tests: runs[0].tests,
      };
    };
    const rows = Object.fromEntries(tools.map((t) => [t.name, row(t)]));
    for (const tool of tools) {
      const r = rows[tool.name];
      console.log(
        `    ${tool.name.padEnd(32)} ${String(r.ms.toFixed(0)).padStart(7)} ms (${(r.ms / node).toFixed(1)}x node -e 0), peak RSS ${mib(r.rssKiB)}, output ${size(r.bytes)}, ${r.requests} requests, ${r.tests} pm.test calls`,
      );
      if (r.requests === 0) console.log(`    warning: ${tool.name} wrote no requests`);
    }
    const us = rows['pleo-postman'];
    const o2p = rows['openapi-to-postmanv2 6.3.3'];
    const portman = rows['Portman 1.33.0 (contract tests)'];
    if (portman.tests === 0) console.log('    warning: Portman wrote no contract tests');
    if (us) {
      const o2pX = o2p.ms / us.ms;
      const portmanX = portman.ms / us.ms;
      const speed = (x) => (x >= 1 ? `${x.toFixed(1)}x faster` : `${x.toFixed(2)}x their speed`);
      reportTarget({
        issue: '21.2',
        what: `import-openapi --generate (v2.1), ${doc.label}, vs openapi-to-postmanv2`,
        figure: `${speed(o2pX)} (${(us.ms / 1000).toFixed(2)} vs ${(o2p.ms / 1000).toFixed(2)} s), peak ${mib(us.rssKiB)} vs ${mib(o2p.rssKiB)}`,
        target: '≥ 2x faster, peak memory ≤ theirs',
        holds: o2pX >= 2 && us.rssKiB <= o2p.rssKiB,
      });
      reportTarget({
        issue: '21.2',
        what: `import-openapi --generate (v2.1), ${doc.label}, vs Portman`,
        figure: `${speed(portmanX)} (${(portman.ms / 1000).toFixed(2)} s), peak ${mib(us.rssKiB)} vs ${mib(portman.rssKiB)}`,
        target: '≥ 10x faster',
        holds: portmanX >= 10,
      });
    } else {
      console.log(
        `    peers: Portman takes ${(portman.ms / o2p.ms).toFixed(1)}x the time of openapi-to-postmanv2 and ${(portman.rssKiB / o2p.rssKiB).toFixed(1)}x its memory; ours: import-openapi not available in this build`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
