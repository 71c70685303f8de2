import type { Options, PositionalOptions } from 'yargs';
import { DEFAULT_SPEC_PATH } from '../description/model.js';

/** The commands, in the order `--help` lists them. */
export const COMMAND_NAMES = [
  'generate',
  'check',
  'validate',
  'mock',
  'test',
  'start',
  'login',
  'logout',
  'import-openapi',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface CommandDefinition {
  /** yargs' command string: the name and its positionals (`import-openapi <files..>`). */
  usage: string;
  describe: string;
  positionals?: Record<string, PositionalOptions>;
  options: Record<string, Options>;
}

const specOption = {
  spec: {
    type: 'string',
    alias: 'description',
    default: DEFAULT_SPEC_PATH,
    describe: 'The YAML description of the Pleo API',
  },
} as const satisfies Record<string, Options>;

function generateOptions(out: string): Record<string, Options> {
  return {
    ...specOption,
    out: { type: 'string', describe: `${out} (default: ., or tailored/ with --scopes or --callback)` },
    scopes: {
      type: 'string',
      describe: 'Space-delimited scopes your client registered; requests needing others are left out',
    },
    callback: {
      choices: ['desktop', 'web'],
      describe: 'Postman callback: desktop (https://oauth.pstmn.io/v1/callback) or web (…/v1/browser-callback)',
    },
    format: {
      type: 'string',
      describe: 'Comma-separated: v2.1 (collections/*.json), v3 (postman/ folder of Postman v12); default both',
    },
    negative: {
      type: 'boolean',
      default: true,
      describe:
        'The Negative folder: requests that break one constraint each and must be refused (--no-negative leaves it out)',
    },
  };
}

const pick = (options: Record<string, Options>, names: readonly string[]): Record<string, Options> =>
  Object.fromEntries(names.map((name) => [name, options[name] as Options]));

/**
 * Every command's options as data: the parser is built from it (`cli-parser.ts`), and so are the
 * "did you mean" suggestions for a mistyped option or command.
 */
export const COMMANDS: Record<CommandName, CommandDefinition> = {
  generate: {
    usage: 'generate',
    describe: 'Write the Postman collection and environment files',
    options: generateOptions('Output root: writes OUT/collections/ and OUT/environments/'),
  },
  check: {
    usage: 'check',
    describe: 'Exit 1 if the committed generated files differ from the description',
    options: generateOptions(
      'Output root to compare with: OUT/collections/ and OUT/environments/ (check writes nothing)',
    ),
  },
  validate: { usage: 'validate', describe: 'Validate the description only', options: specOption },
  mock: {
    usage: 'mock',
    describe: 'Start the local Pleo mock (authorisation server and API)',
    options: {
      ...specOption,
      host: { type: 'string', default: '127.0.0.1', describe: 'Interface to listen on (loopback)' },
      'allow-remote': {
        type: 'boolean',
        default: false,
        describe: 'Allow a non-loopback --host (e.g. 0.0.0.0 in a container); warns on every start',
      },
      port: { type: 'number', default: 4010, describe: 'Port; 0 picks a free one' },
      'auto-approve': {
        type: 'boolean',
        default: false,
        describe: 'Skip the consent page: redirect with a code at once',
      },
      'access-token-ttl': { type: 'number', default: 900, describe: 'Access token lifetime in seconds' },
      latency: { type: 'string', describe: 'MS[,JITTER]: wait MS (plus up to JITTER) ms before every response' },
    },
  },
  test: {
    usage: 'test',
    describe: 'Run the collection as contract tests with Newman (default: against the embedded mock)',
    options: {
      ...specOption,
      env: {
        type: 'string',
        default: 'local',
        describe: 'local (embedded mock, no credentials), staging, production, or an environment FILE',
      },
      folder: { type: 'string', array: true, describe: 'Run only this folder or request (repeatable)' },
      reporters: {
        type: 'string',
        default: 'cli',
        describe: 'Comma-separated: cli, junit, html (self-contained), htmlextra (needs network), json',
      },
      'report-dir': {
        type: 'string',
        default: 'reports',
        describe: 'Where junit/html/htmlextra/json reports go (secrets redacted)',
      },
      bail: { type: 'boolean', default: false, describe: 'Stop at the first failure' },
      'timeout-request': { type: 'number', describe: 'Per-request timeout in ms' },
      'allow-writes': {
        type: 'boolean',
        default: false,
        describe: 'Send writes (POST/PUT/PATCH/DELETE, not :search) to production too',
      },
      negative: {
        type: 'boolean',
        default: false,
        describe: 'Send the Negative folder to staging or an environment file too (local always; production never)',
      },
      'refresh-token-file': {
        type: 'string',
        describe: 'Where a rotated refresh token is written (mode 0600); read when PLEO_REFRESH_TOKEN is unset',
      },
      parallel: {
        type: 'number',
        describe: 'Run the folders in N runners at once, sharing one token; reports merged',
      },
      shard: {
        type: 'string',
        describe: 'I/N: run only shard I of N (a stable split of the folders, for CI matrices)',
      },
      runner: {
        type: 'string',
        default: 'newman',
        describe: 'newman (the v2.1 collection) or postman-cli (the v3 folder, with the Postman CLI; --env local)',
      },
    },
  },
  start: {
    usage: 'start',
    describe: 'Generate if stale, run the whole suite against the embedded mock, write reports (npm start)',
    options: {
      ...specOption,
      'report-dir': { type: 'string', default: 'reports', describe: 'Where the junit and html reports go' },
    },
  },
  login: {
    usage: 'login',
    describe: 'Log in with a browser (OAuth 2.0 for native apps) and keep the refresh token for test runs',
    options: {
      ...specOption,
      env: { type: 'string', describe: 'staging, production, local, or an environment FILE' },
      port: {
        type: 'number',
        default: 8788,
        describe: 'Loopback port of http://127.0.0.1:PORT/callback (as registered)',
      },
      open: { type: 'boolean', default: true, describe: 'Open the browser (--no-open: print the URL only)' },
      print: { type: 'boolean', default: false, describe: 'Print the refresh token on stdout instead of storing it' },
      status: { type: 'boolean', default: false, describe: 'Say, per environment, whether a token is stored' },
    },
  },
  logout: {
    usage: 'logout',
    describe: 'Delete the refresh token that login stored for an environment',
    options: {
      ...specOption,
      env: { type: 'string', demandOption: true, describe: 'staging, production, local or FILE' },
    },
  },
  'import-openapi': {
    usage: 'import-openapi <files..>',
    describe: 'Import OpenAPI 3.0/3.1/3.2 or Swagger 2.0 documents (and the overlay) into the description',
    positionals: {
      files: { type: 'string', array: true, demandOption: true, describe: 'OpenAPI documents (YAML or JSON)' },
    },
    options: {
      into: { type: 'string', default: DEFAULT_SPEC_PATH, describe: 'The description to write' },
      'scopes-map': {
        type: 'string',
        describe: 'Scopes map (default for Pleo documents: collections/openapi/pleo-scopes.yaml)',
      },
      overlay: { type: 'string', describe: 'Hand-kept additions (default: INTO with .overlay.yaml, if it exists)' },
      'dry-run': { type: 'boolean', default: false, describe: 'Print the summary, write nothing' },
      check: { type: 'boolean', default: false, describe: 'Exit 1 if the documents would change the description' },
      prune: {
        type: 'boolean',
        default: false,
        describe: 'Drop requests whose operations the documents no longer have',
      },
      'include-hidden': { type: 'boolean', default: false, describe: 'Also import operations marked x-exclude' },
      'include-deprecated': { type: 'boolean', default: false, describe: 'Also import deprecated operations' },
      'allow-unscoped': {
        type: 'boolean',
        default: false,
        describe: 'Import operations no scope maps as needing any token',
      },
      generate: {
        type: 'boolean',
        default: false,
        describe: 'Then write the collection and environment files from it, as generate --spec INTO (one process)',
      },
      ...pick(generateOptions('With --generate, output root: writes OUT/collections/ and OUT/environments/'), [
        'out',
        'format',
        'negative',
      ]),
    },
  },
};

/** A command's option names as typed on the command line (`--report-dir`, aliases too), with --help and --version. */
export function optionNames(command: CommandName): string[] {
  return [
    ...Object.entries(COMMANDS[command].options).flatMap(([name, option]) => [name, ...[option.alias ?? []].flat()]),
    'help',
    'version',
  ];
}
