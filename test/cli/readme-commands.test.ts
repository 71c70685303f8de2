import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, optionNames, type CommandName } from '../../src/commands/cli-options.js';
import { parseCommandLine } from '../helpers/parse-cli.js';
import { readmeCommands, shellWords, type ReadmeCommand } from '../helpers/readme-commands.js';

/**
 * Issue 19 item 2: every command line of the README goes through the CLI's own parser, so the README
 * and the CLI cannot drift apart. `readme-commands.int.test.ts` runs the lines that need no
 * credentials, network or browser, and checks the plain `newman run` line against Newman.
 */
const README = readFileSync('README.md', 'utf8');
/** A line's words without the `NAME=value` assignments sh reads before the program (`MUTATE_UNIT=1 npm run mutate`). */
const withoutAssignments = (c: ReadmeCommand): ReadmeCommand => {
  const first = c.words.findIndex((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
  return first > 0 ? { ...c, words: c.words.slice(first) } : c;
};
const commands = readmeCommands(README).map(withoutAssignments);
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

/** Programs the README shows that are neither npm, pleo-postman nor Newman: not ours to check. */
const OTHER_PROGRAMS = ['curl'];
const NPM_OWN_COMMANDS = ['ci', 'install'];

const label = (c: ReadmeCommand) => `README.md:${c.line}: ${c.text}`;
const pleoPostman = commands.filter((c) => c.words[0] === 'npx' && c.words[1] === 'pleo-postman');

/** The option names of a synopsis: `[--no-open]` → `open`, `[--port 8788]` → `port`. */
const synopsisOptions = (c: ReadmeCommand): string[] =>
  [...c.text.matchAll(/(?:^|[\s[])--(?:no-)?([a-z][\w-]*)/g)].map((m) => m[1] as string);

describe('issue 19 item 2: the README command lines', () => {
  it('finds them: sh blocks, workflow and transcript lines, inline spans', () => {
    expect(pleoPostman.length).toBeGreaterThan(30);
    expect(new Set(commands.map((c) => c.where))).toEqual(new Set(['sh', 'block', 'inline']));
    expect(commands.filter((c) => c.synopsis).length).toBeGreaterThan(5);
  });

  it('splits words as sh does', () => {
    expect(shellWords(`generate --scopes "a:read b:read" --x='y z' a\\ b $HOME \${{ matrix.shard }}/4`)).toEqual([
      'generate',
      '--scopes',
      'a:read b:read',
      '--x=y z',
      'a b',
      '1',
      '1/4',
    ]);
  });

  it.each(commands.filter((c) => c.words[0] === 'npm').map((c) => [label(c), c] as const))('%s', (_, c) => {
    const script = (c.words[1] === 'run' ? c.words[2] : c.words[1]) as string;
    expect(NPM_OWN_COMMANDS.includes(script) || script in packageJson.scripts, `npm ${script}`).toBe(true);
  });

  it.each(pleoPostman.filter((c) => !c.synopsis).map((c) => [label(c), c] as const))('%s', async (_, c) => {
    const parsed = await parseCommandLine(c.words.slice(2));
    expect(parsed, JSON.stringify(parsed)).toHaveProperty('command', c.words[2]);
  });

  it.each(pleoPostman.filter((c) => c.synopsis).map((c) => [label(c), c] as const))('%s (synopsis)', (_, c) => {
    const command = c.words[2] as CommandName;
    expect(COMMAND_NAMES).toContain(command);
    for (const option of synopsisOptions(c)) expect(optionNames(command), `--${option}`).toContain(option);
  });

  it('every other program is one we know of', () => {
    const others = commands.filter((c) => !['npm', 'npx'].includes(c.words[0] as string));
    for (const c of others) expect(OTHER_PROGRAMS, label(c)).toContain(c.words[0]);
    const npx = commands.filter((c) => c.words[0] === 'npx').map((c) => c.words[1]);
    expect(new Set(npx)).toEqual(new Set(['pleo-postman', 'newman']));
  });

  it('would catch a README line the CLI rejects', async () => {
    const [wrong] = readmeCommands('```sh\nnpx pleo-postman test --env-var authServerUrl=http://127.0.0.1:5000\n```\n');
    const parsed = await parseCommandLine(wrong?.words.slice(2) ?? []);
    expect(parsed).toHaveProperty('error', expect.stringContaining('--env-var is not an option of test'));
    const [synopsis] = readmeCommands('`npx pleo-postman mock [--prot 4010]`');
    expect(synopsisOptions(synopsis as ReadmeCommand)).toEqual(['prot']);
    expect(optionNames('mock')).not.toContain('prot');
  });
});
