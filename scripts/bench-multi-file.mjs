// The multi-file line of `npm run bench -- --vs-peers`: a synthetic document of 660 operations split
// over 800 files (scripts/synthetic-openapi-files.mjs), imported and generated (v2.1) by us and
// converted by openapi-to-postmanv2 6.3.3 (the files, and the same document as one file), whole processes, interleaved, median of ROUNDS rounds, with
// `node -e 0` measured in the same run. The peer is installed into a temporary folder with
// `npm install --prefix` (or BENCH_PEERS_DIR, where scripts/bench-peers.mjs put it). Prints; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticOpenApi } from './synthetic-openapi.mjs';
import { writeSyntheticOpenApiFiles } from './synthetic-openapi-files.mjs';

const ROUNDS = Math.max(3, Number(process.env.BENCH_PEER_ROUNDS ?? 3));
const OPERATIONS = 660;
const PEER = 'openapi-to-postmanv2@6.3.3';
const CLI = resolve('dist/cli.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(args, cwd) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  return ms;
}

const requestsIn = (file) => {
  const count = (items) => (items ?? []).reduce((n, i) => n + (i.item ? count(i.item) : i.request ? 1 : 0), 0);
  return count(JSON.parse(readFileSync(file, 'utf8')).item);
};

if (!existsSync(CLI)) throw new Error('run "npm run build" first');
const scratch = mkdtempSync(join(tmpdir(), 'pleo-bench-multi-file-'));
try {
  const peersDir = process.env.BENCH_PEERS_DIR ? resolve(process.env.BENCH_PEERS_DIR) : join(scratch, 'peers');
  const o2pBin = join(peersDir, 'node_modules', 'openapi-to-postmanv2', 'bin', 'openapi2postmanv2.js');
  if (!existsSync(o2pBin)) {
    mkdirSync(peersDir, { recursive: true });
    const install = spawnSync(
      'npm',
      ['install', '--prefix', peersDir, '--no-audit', '--no-fund', '--save-exact', '--loglevel=error', PEER],
      { stdio: 'inherit' },
    );
    if (install.status !== 0) throw new Error(`installing ${PEER} failed`);
  }
  const doc = writeSyntheticOpenApiFiles(join(scratch, 'doc'), OPERATIONS);
  // openapi-to-postmanv2's CLI reads one file and does not follow a path item's $ref to another
  // (its multi-file mode is an API of its own): it is also given the same document as one file.
  const oneFile = join(scratch, 'one-file.openapi.json');
  writeFileSync(oneFile, JSON.stringify(syntheticOpenApi(OPERATIONS), null, 2));
  const ours = [];
  const peer = [];
  const peerOneFile = [];
  const node = [];
  const facts = {};
  for (let round = 0; round < ROUNDS; round++) {
    node.push(timed(['-e', '0'], scratch));
    const runs = [
      () => {
        const out = mkdtempSync(join(scratch, 'ours-'));
        const description = join(out, 'description.yaml');
        const ms =
          timed([CLI, 'import-openapi', doc.root, '--into', description], out) +
          timed([CLI, 'generate', '--spec', description, '--out', out, '--format', 'v2.1'], out);
        const collections = join(out, 'collections');
        facts.ours = requestsIn(
          join(
            collections,
            readdirSync(collections).find((f) => f.endsWith('.json')),
          ),
        );
        rmSync(out, { recursive: true, force: true });
        ours.push(ms);
      },
      () => {
        const out = mkdtempSync(join(scratch, 'peer-'));
        const file = join(out, 'collection.json');
        peer.push(timed([o2pBin, '-s', doc.root, '-o', file], out));
        facts.peer = requestsIn(file);
        rmSync(out, { recursive: true, force: true });
      },
      () => {
        const out = mkdtempSync(join(scratch, 'peer-'));
        const file = join(out, 'collection.json');
        peerOneFile.push(timed([o2pBin, '-s', oneFile, '-o', file], out));
        facts.peerOneFile = requestsIn(file);
        rmSync(out, { recursive: true, force: true });
      },
    ];
    // The order turns every round, so a slow moment of the machine is shared out.
    for (let i = 0; i < runs.length; i++) runs[(i + round) % runs.length]();
  }
  const [us, them, themOneFile, base] = [median(ours), median(peer), median(peerOneFile), median(node)];
  const x = (ms) => `${ms.toFixed(0)} ms (${(ms / base).toFixed(1)}x node -e 0)`;
  console.log(
    `multi-file document: ${doc.operations} operations in ${doc.files} files, whole processes, interleaved, median of ${ROUNDS} rounds; node -e 0 ${base.toFixed(0)} ms`,
  );
  console.log(`  pleo-postman import-openapi + generate (v2.1), the files: ${x(us)}, ${facts.ours} requests`);
  console.log(`  ${PEER}, the files: ${x(them)}, ${facts.peer} requests`);
  console.log(`  ${PEER}, the same document as one file: ${x(themOneFile)}, ${facts.peerOneFile} requests`);
  console.log(
    `  ratio: ours on the files takes ${(us / themOneFile).toFixed(2)}x the time openapi-to-postmanv2 needs for the document it can read (target: comparable, ≤ 1.5x: ${us / themOneFile <= 1.5 ? 'met' : 'MISSED'})`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
