import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../helpers/cli.js';
import { readmeCommands, type ReadmeCommand } from '../helpers/readme-commands.js';

/**
 * Issue 19 item 2, the running half (`readme-commands.test.ts` parses every line): each command line
 * of the README's `sh` blocks that needs no credentials, network or browser is run, in a copy of the
 * project's description and Pleo's documents; the plain `newman run` line is checked against Newman's
 * own options. The other lines say here why they are not run.
 */
const commands = readmeCommands(readFileSync('README.md', 'utf8')).filter((c) => c.where === 'sh' && !c.synopsis);

const NOT_RUN: Record<string, string> = {
  'npm ci': 'what CI runs first',
  'npm start': 'the whole suite: test/cli and test/run run it',
  'npm test': 'this very suite',
  'npm run mutate': 'Stryker reruns the tests once a mutant: minutes to hours, never part of npm test',
  'MUTATE_UNIT=1 npm run mutate': 'Stryker reruns the tests once a mutant: minutes to hours, never part of npm test',
  curl: 'needs a code from the consent page in a browser (test/browser/consent.int.test.ts)',
  'npx newman': 'needs Pleo credentials: its options are checked against Newman below',
};
const RUN = ['login --status', 'logout --env', 'import-openapi'];

const key = (c: ReadmeCommand) => (c.words[0] === 'npx' && c.words[1] === 'pleo-postman' ? c.words.slice(2) : c.words);
const isRun = (c: ReadmeCommand) => RUN.some((r) => key(c).join(' ').startsWith(r));
const reason = (c: ReadmeCommand) => Object.entries(NOT_RUN).find(([start]) => c.text.startsWith(start))?.[1];

/** `collections/openapi/*.yml` → the files, as sh expands a glob in a file name. */
function expandGlobs(words: readonly string[], cwd: string): string[] {
  return words.flatMap((word) => {
    const star = /^(.*\/)?([^/]*)\*([^/]*)$/.exec(word);
    if (!star) return [word];
    const [, dir = '', prefix = '', suffix = ''] = star;
    return readdirSync(join(cwd, dir))
      .filter((f) => f.startsWith(prefix) && f.endsWith(suffix))
      .sort()
      .map((f) => `${dir}${f}`);
  });
}

describe('issue 19 item 2: the README command lines, run', () => {
  it('every concrete sh line is run or says why not', () => {
    for (const c of commands) expect(isRun(c) || reason(c) !== undefined, `README.md:${c.line}: ${c.text}`).toBe(true);
    expect(commands.filter(isRun).length).toBeGreaterThanOrEqual(3);
  });

  it.each(commands.filter(isRun).map((c) => [`README.md:${c.line}: ${c.text}`, c] as const))('%s', (_, c) => {
    const project = tempDir();
    cpSync('collections', join(project, 'collections'), { recursive: true });
    const child = spawnSync(process.execPath, [CLI, ...expandGlobs(key(c), project)], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PLEO_POSTMAN_CONFIG_DIR: join(project, 'config') },
    });
    expect(child.stderr).not.toContain('error:');
    expect(child.status, child.stderr).toBe(0);
  });

  it('the plain newman run line uses only options Newman has', () => {
    const help = spawnSync(process.execPath, [resolve('node_modules/newman/bin/newman.js'), 'run', '--help'], {
      encoding: 'utf8',
    }).stdout;
    const newman = commands.filter((c) => c.words[1] === 'newman');
    expect(newman.length).toBeGreaterThan(0);
    for (const c of newman) {
      expect(c.words[2]).toBe('run');
      for (const option of c.words.filter((w) => w.startsWith('-')))
        expect(help, `README.md:${c.line}: ${option}`).toMatch(new RegExp(`(^|[\\s,])${option}[\\s,]`, 'm'));
    }
  });
});
