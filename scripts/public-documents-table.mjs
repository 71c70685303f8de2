// `node scripts/public-documents-table.mjs`: the README's table of real public documents (section
// "Importing other APIs"). Runs test/openapi/public-documents.int.test.ts, which imports each fixture of
// test/fixtures/openapi/public with no flags, generates and runs the suite against the mock, and writes
// the table it checks; the table replaces the one between the README's markers. Build first (npm run build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START = '<!-- public-documents-table: node scripts/public-documents-table.mjs -->';
const END = '<!-- /public-documents-table -->';

const dir = mkdtempSync(join(tmpdir(), 'public-documents-'));
try {
  const out = join(dir, 'table.md');
  const run = spawnSync('npx', ['vitest', 'run', 'test/openapi/public-documents.int.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PUBLIC_DOCUMENTS_TABLE: out },
  });
  if (run.status !== 0) {
    console.error('public-documents-table: the test failed; the README is unchanged');
    process.exit(1);
  }
  const table = readFileSync(out, 'utf8');
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) {
    console.error(`public-documents-table: README.md has no "${START}" … "${END}" markers`);
    process.exit(1);
  }
  writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${table}${readme.slice(to)}`);
  process.stdout.write(table);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
