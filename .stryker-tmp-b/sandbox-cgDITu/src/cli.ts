#!/usr/bin/env node
// @ts-nocheck
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
    format: {
      type: 'string',
      describe: 'Comma-separated: v2.1 (collections/*.json), v3 (postman/ folder of Postman v12); default both',
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
        latency: { type: 'string', describe: 'MS[,JITTER]: wait MS (plus up to JITTER) ms before every response' },
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
  .command(
    'login',
    'Log in with a browser (OAuth 2.0 for native apps) and keep the refresh token for test runs',
    (y) =>
      y.options({
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
      }),
    runCommand(async (args, io) => (await import('./commands/login.js')).loginCommand(args, io)),
  )
  .command(
    'logout',
    'Delete the refresh token that login stored for an environment',
    (y) =>
      y.options({
        ...specOption,
        env: { type: 'string', demandOption: true, describe: 'staging, production, local or FILE' },
      }),
    runCommand(async (args, io) => (await import('./commands/login.js')).logoutCommand(args, io)),
  )
  .command(
    'import-openapi <files..>',
    'Import OpenAPI 3.0/3.1/3.2 documents (and the overlay) into the description',
    (y) =>
      y
        .positional('files', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'OpenAPI documents (YAML or JSON)',
        })
        .options({
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
        }),
    runCommand(async (args, io) =>
      (await import('./commands/import-openapi.js')).importOpenApiCommand(args as never, io),
    ),
  )
  .demandCommand(1, 'Name a command: generate, check, validate, mock, test, start, login, logout or import-openapi.')
  .strict()
  .help()
  .version()
  .parseAsync();
