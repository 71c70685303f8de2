// @ts-nocheck
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';

const README = readFileSync('README.md', 'utf8');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };

/** The commands `--help` lists: lines such as `  pleo-postman generate  Write …`. */
function commandsInHelp(): string[] {
  const help = runCli(['--help']);
  expect(help.status).toBe(0);
  return [...help.stdout.matchAll(/^ {2}pleo-postman ([\w-]+)/gm)].map((m) => m[1] as string);
}

const flagsOf = (command: string): string[] =>
  [...runCli([command, '--help']).stdout.matchAll(/^ {2}--([\w-]+)/gm)]
    .map((m) => m[1] as string)
    .filter((f) => f !== 'help' && f !== 'version');

describe('the CLI as users call it', () => {
  it('the package bin is the built CLI: a node script, executable', () => {
    expect(packageJson.bin['pleo-postman']).toBe('dist/cli.js');
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });

  it('--help lists every command', () => {
    expect(commandsInHelp()).toEqual([
      'generate',
      'check',
      'validate',
      'mock',
      'test',
      'start',
      'login',
      'logout',
      'import-openapi',
    ]);
  });

  it('an unknown command or flag exits non-zero and says what is wrong', () => {
    const command = runCli(['bogus']);
    expect(command.status).not.toBe(0);
    expect(command.stderr).toContain('Unknown argument: bogus');
    const flag = runCli(['generate', '--sopes', 'users:read']);
    expect(flag.status).not.toBe(0);
    expect(flag.stderr).toMatch(/Unknown arguments?: sopes/);
  });

  it('no command: exits non-zero and names the commands', () => {
    const none = runCli([]);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain(
      'Name a command: generate, check, validate, mock, test, start, login, logout or import-openapi.',
    );
  });
});

describe('the README documents every command and flag', () => {
  it.each(commandsInHelp())('%s', (command) => {
    expect(README).toContain(`npx pleo-postman ${command}`);
    for (const flag of flagsOf(command)) expect(README, `--${flag} of ${command}`).toContain(`--${flag}`);
  });
});
