import { cliParser } from '../../src/commands/cli-parser.js';
import type { CommandName } from '../../src/commands/cli-options.js';

export type Parsed = { command: CommandName; args: Record<string, unknown> } | { error: string } | { output: string };

/**
 * Parses a command line with the CLI's own parser and option definitions, in this process, without
 * running the command: what it would run, or the error it refuses the line with, or what it prints
 * (`--help`).
 */
export async function parseCommandLine(argv: readonly string[]): Promise<Parsed> {
  let dispatched: Parsed | undefined;
  let output = '';
  try {
    await cliParser(argv, async (command, args) => {
      dispatched = { command, args };
    })
      .exitProcess(false)
      .parseAsync([...argv], {}, (_error, _argv, printed) => {
        output = printed;
      });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return dispatched ?? { output };
}
