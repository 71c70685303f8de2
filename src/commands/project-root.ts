import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_SPEC_PATH } from '../description/model.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { COMMANDS, type CommandName } from './cli-options.js';
import { NAMED_ENVIRONMENTS } from './env-names.js';

/** Options that name a file or folder (as yargs gives them, camelCase). */
const PATH_OPTIONS = ['out', 'reportDir', 'refreshTokenFile', 'scopesMap', 'overlay', 'into', 'env', 'files'];

/** The nearest folder from `start` up that holds the default description: the project folder. */
export function findProjectRoot(start: string, exists: (path: string) => boolean = existsSync): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (exists(join(dir, DEFAULT_SPEC_PATH))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The command reads the default description (not `--spec FILE`, not a command that needs none). */
function readsDefaultDescription(command: CommandName, args: Record<string, unknown>): boolean {
  if (command === 'import-openapi') return args.into === DEFAULT_SPEC_PATH;
  if (command === 'logout' || (command === 'login' && args.status === true)) return false;
  return args.spec === DEFAULT_SPEC_PATH;
}

/** A path the user typed, made absolute against where they typed it; defaults stay relative to the project. */
function fromTyped(command: CommandName, name: string, value: unknown, cwd: string): unknown {
  const option = COMMANDS[command].options[kebab(name)];
  const isDefault = option !== undefined && option.default === value;
  if (isDefault || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => resolve(cwd, String(v)));
  if (name === 'env' && (NAMED_ENVIRONMENTS as readonly string[]).includes(String(value))) return value;
  return resolve(cwd, String(value));
}

/**
 * Where a command run from inside the project (`collections/`, `src/`) should work: the project
 * folder, found upwards from `cwd` when the default description is not in `cwd`, with every path the
 * user typed made absolute first. Undefined `root`: work where we are. Outside any project, a command
 * that needs the description is refused with where to run it.
 */
export function projectRun(
  command: CommandName,
  args: Record<string, unknown>,
  cwd: string,
  exists: (path: string) => boolean = existsSync,
): { root?: string; args: Record<string, unknown> } {
  if (!readsDefaultDescription(command, args) || exists(join(cwd, DEFAULT_SPEC_PATH))) return { args };
  const root = findProjectRoot(cwd, exists);
  if (root === undefined) {
    if (command === 'import-openapi') return { args };
    throw new UserError(
      `no description here: ${DEFAULT_SPEC_PATH} is neither in ${cwd} nor in a folder above it; run pleo-postman in the project folder (the one with collections/pleo-api.yaml), or pass --spec FILE`,
      ERROR_CODES.SPEC_NOT_FOUND,
    );
  }
  const moved = Object.fromEntries(
    Object.entries(args).map(([name, value]) => [
      name,
      PATH_OPTIONS.includes(name) ? fromTyped(command, name, value, cwd) : value,
    ]),
  );
  return { root, args: moved };
}
