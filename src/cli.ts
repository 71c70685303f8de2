#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import type { CommandName } from './commands/cli-options.js';
import { cliParser } from './commands/cli-parser.js';
import { projectRun } from './commands/project-root.js';
import { consoleIo, runCommand, type Io } from './commands/run-command.js';
import { UserError } from './errors.js';

type Handler = (args: never, io: Io) => Promise<number>;

/** Each command's module, loaded when the command runs: most runs need one. */
const HANDLERS: Record<CommandName, () => Promise<Handler>> = {
  generate: async () => (await import('./commands/generate.js')).generateCommand,
  check: async () => (await import('./commands/generate.js')).checkCommand,
  validate: async () => (await import('./commands/generate.js')).validateCommand,
  mock: async () => (await import('./commands/mock.js')).mockCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
  start: async () => (await import('./commands/start.js')).startCommand,
  login: async () => (await import('./commands/login.js')).loginCommand,
  logout: async () => (await import('./commands/login.js')).logoutCommand,
  'import-openapi': async () => (await import('./commands/import-openapi.js')).importOpenApiCommand,
};

/** Runs a command from inside the project (e.g. `collections/`) in the project folder, and says so. */
async function inProject(command: CommandName, args: Record<string, unknown>, io: Io): Promise<number> {
  const cwd = process.cwd();
  const run = projectRun(command, args, cwd);
  if (run.root !== undefined) {
    process.chdir(run.root);
    io.err(`note: working in the project folder ${run.root} (paths you gave are taken from ${cwd})`);
  }
  return (await HANDLERS[command]())(run.args as never, io);
}

const argv = hideBin(process.argv);
try {
  await cliParser(argv, (command, args) =>
    runCommand((a: Record<string, unknown>, io) => inProject(command, a, io))(args),
  ).parseAsync();
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  consoleIo.err(`error: ${error.message}`);
  process.exitCode = 1;
}
