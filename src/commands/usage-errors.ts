import { closestName } from './did-you-mean.js';
import { COMMAND_NAMES, optionNames, type CommandName } from './cli-options.js';

const isCommand = (word: string | undefined): word is CommandName =>
  (COMMAND_NAMES as readonly string[]).includes(word ?? '');

/** The word the command line starts with (the command), if any. */
const firstWord = (argv: readonly string[]): string | undefined => argv.find((a) => !a.startsWith('-'));

/** How the user typed the unknown option `name` (`--name`, `--name=x`, `-n`, `--no-name`), if it is one. */
function typedAsOption(argv: readonly string[], name: string): string | undefined {
  const forms = [`--${name}`, `--no-${name}`, `-${name}`];
  return argv.map((a) => a.replace(/=.*$/, '')).find((a) => forms.includes(a));
}

function unknownNameHint(argv: readonly string[], name: string): string | undefined {
  const command = firstWord(argv);
  const option = typedAsOption(argv, name);
  if (option !== undefined) {
    const names = isCommand(command) ? optionNames(command) : ['help', 'version'];
    const meant = closestName(name, names);
    if (meant !== undefined) return `${option}: did you mean --${meant}?`;
    return `${option} is not an option of ${isCommand(command) ? command : 'pleo-postman'}`;
  }
  if (name === command && !isCommand(command)) {
    const meant = closestName(name, COMMAND_NAMES);
    return meant === undefined
      ? `${name} is not a command: ${COMMAND_NAMES.join(', ')}`
      : `${name}: did you mean ${meant}?`;
  }
  return `${name}: ${command} takes no word of its own here (a value with spaces needs quotes)`;
}

function choiceHint(message: string): string | undefined {
  const match = /Argument: ([\w-]+), Given: "([^"]*)", Choices: (.*)/.exec(message);
  if (!match) return undefined;
  const [, option, given, list] = match as unknown as [string, string, string, string];
  const choices = [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1] as string);
  const meant = closestName(given, choices);
  return meant === undefined ? undefined : `--${option} ${given}: did you mean ${meant}?`;
}

/**
 * yargs' refusal of a command line (an unknown option or command, a wrong choice), with what the
 * user most likely meant and where the options are listed: lines to print, the first being yargs' own.
 */
export function explainUsageError(message: string, argv: readonly string[]): string[] {
  const unknown = /^Unknown arguments?: (.*)$/.exec(message)?.[1];
  const names = unknown?.split(', ') ?? [];
  // yargs names an unknown `--env-var` twice, as `env-var` and `envVar`: one hint is enough.
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const hints = unknown
    ? names.filter((n) => n === kebab(n) || !names.includes(kebab(n))).map((n) => unknownNameHint(argv, n))
    : [choiceHint(message)];
  const command = firstWord(argv);
  return [
    message,
    ...hints.filter((h): h is string => h !== undefined).map((h) => `  ${h}`),
    isCommand(command)
      ? `run "pleo-postman ${command} --help" for its options`
      : 'run "pleo-postman --help" for the commands',
  ];
}
