// @ts-nocheck
import { UserError } from '../errors.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * The one place that turns a command's outcome into an exit code: a UserError prints its message
 * and exits 1; anything else is a bug, printed with its stack, exit 2. Handlers never call exit.
 */
export function runCommand<A>(handler: (args: A, io: Io) => Promise<number | undefined>, io: Io = consoleIo) {
  return async (args: A): Promise<void> => {
    try {
      const code = await handler(args, io);
      process.exitCode = code ?? 0;
    } catch (error) {
      if (error instanceof UserError) {
        io.err(`error: ${error.message}`);
        process.exitCode = 1;
      } else {
        io.err(
          `unexpected error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        process.exitCode = 2;
      }
    }
  };
}
