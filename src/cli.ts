#!/usr/bin/env node
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCommand } from './commands/run-command.js';
import { DEFAULT_SPEC_PATH } from './description/model.js';

const specOption = {
  spec: {
    type: 'string',
    alias: 'description',
    default: DEFAULT_SPEC_PATH,
    describe: 'The YAML description of the Pleo API',
  },
} as const;

function generateOptions(y: Argv, out = 'Output root: writes OUT/collections/ and OUT/environments/') {
  return y.options({
    ...specOption,
    out: { type: 'string', describe: `${out} (default: ., or tailored/ with --scopes or --callback)` },
    scopes: {
      type: 'string',
      describe: 'Space-delimited scopes your client registered; requests needing others are left out',
    },
    callback: {
      choices: ['desktop', 'web'] as const,
      describe: 'Postman callback: desktop (https://oauth.pstmn.io/v1/callback) or web (…/v1/browser-callback)',
    },
  });
}

await yargs(hideBin(process.argv))
  .scriptName('pleo-postman')
  .usage(
    '$0 <command> [options]\n\nPostman collections, environments, a local mock and contract tests for the Pleo API, from one YAML description.',
  )
  .command(
    'generate',
    'Write the Postman collection and environment files',
    generateOptions,
    runCommand(async (args, io) => (await import('./commands/generate.js')).generateCommand(args, io)),
  )
  .command(
    'check',
    'Exit 1 if the committed generated files differ from the description',
    (y) =>
      generateOptions(y, 'Output root to compare with: OUT/collections/ and OUT/environments/ (check writes nothing)'),
    runCommand(async (args, io) => (await import('./commands/generate.js')).checkCommand(args, io)),
  )
  .command(
    'validate',
    'Validate the description only',
    (y) => y.options(specOption),
    runCommand(async (args, io) => (await import('./commands/generate.js')).validateCommand(args, io)),
  )
  .command(
    'mock',
    'Start the local Pleo mock (authorisation server and API)',
    (y) =>
      y.options({
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
      }),
    runCommand(async (args, io) => (await import('./commands/mock.js')).mockCommand(args, io)),
  )
  .command(
    'test',
    'Run the collection as contract tests with Newman (default: against the embedded mock)',
    (y) =>
      y.options({
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
        'refresh-token-file': {
          type: 'string',
          describe: 'Where a rotated refresh token is written (mode 0600); read when PLEO_REFRESH_TOKEN is unset',
        },
      }),
    runCommand(async (args, io) => (await import('./commands/test.js')).testCommand(args, io)),
  )
  .command(
    'start',
    'Generate if stale, run the whole suite against the embedded mock, write reports (npm start)',
    (y) =>
      y.options({
        ...specOption,
        'report-dir': { type: 'string', default: 'reports', describe: 'Where the junit and html reports go' },
      }),
    runCommand(async (args, io) => (await import('./commands/start.js')).startCommand(args, io)),
  )
  .demandCommand(1, 'Name a command: generate, check, validate, mock, test or start.')
  .strict()
  .help()
  .version()
  .parseAsync();
