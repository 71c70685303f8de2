import yargs, { type Argv } from 'yargs';
import { ERROR_CODES, UserError } from '../errors.js';
import { COMMAND_NAMES, COMMANDS, type CommandName } from './cli-options.js';
import { explainUsageError } from './usage-errors.js';

/** What the parser calls with a command line it accepted: the command and its parsed options. */
export type Dispatch = (command: CommandName, args: Record<string, unknown>) => Promise<void>;

/**
 * The yargs parser of `pleo-postman`, built from the option definitions of `cli-options.ts`: strict
 * (an unknown option or command is refused), and a refused command line is thrown as a UserError
 * that says what was most likely meant. The README test parses its command lines with it.
 */
export function cliParser(argv: readonly string[], dispatch: Dispatch): Argv {
  let parser = yargs([...argv])
    .scriptName('pleo-postman')
    .usage(
      '$0 <command> [options]\n\nPostman collections, environments, a local mock and contract tests for the Pleo API, from one YAML description.',
    );
  for (const name of COMMAND_NAMES) {
    const { usage, describe, positionals = {}, options } = COMMANDS[name];
    parser = parser.command(
      usage,
      describe,
      (y) => {
        for (const [positional, definition] of Object.entries(positionals)) y.positional(positional, definition);
        return y.options(options);
      },
      (args) => dispatch(name, args as Record<string, unknown>),
    );
  }
  return parser
    .demandCommand(1, `Name a command: ${COMMAND_NAMES.slice(0, -1).join(', ')} or ${COMMAND_NAMES.at(-1)}.`)
    .strict()
    .fail((message: string | null, error: Error | undefined) => {
      if (!message) throw error;
      throw new UserError(explainUsageError(message, argv).join('\n'), ERROR_CODES.OPTION_INVALID);
    })
    .help()
    .version();
}
