import { basename, dirname } from 'node:path';
import { ERROR_CODES, UserError } from '../errors.js';
import { writeFilesAtomically } from '../io/write-files.js';
import { importOpenApi, type ImportOpenApiOptions, type ImportOutcome } from '../openapi/index.js';
import { groupNotes } from '../openapi/group-notes.js';
import { stampDescription, withoutStamp } from '../description/import-stamp.js';
import { importerVersion } from '../shared/importer-version.js';
import { importInputHash, unchangedSinceImport } from '../openapi/input-hash.js';
import type { Io } from './run-command.js';
import type { ApiDescription } from '../description/index.js';
import type { GenerateArgs } from './generate.js';

export interface ImportOpenApiArgs {
  files: string[];
  into: string;
  'scopes-map'?: string;
  overlay?: string;
  'dry-run'?: boolean;
  check?: boolean;
  prune?: boolean;
  'include-hidden'?: boolean;
  'include-deprecated'?: boolean;
  'allow-unscoped'?: boolean;
  /** `--generate`: then write the collection and environments from the description, with these three. */
  generate?: boolean;
  out?: string;
  format?: string;
  negative?: boolean;
}

/** `--out`, `--format` and `--no-negative` serve `--generate`, which `--check` and `--dry-run` cannot take. */
function checkGenerateOptions(args: ImportOpenApiArgs): void {
  const generateOnly = [
    ...(args.out !== undefined ? ['--out'] : []),
    ...(args.format !== undefined ? ['--format'] : []),
    ...(args.negative === false ? ['--no-negative'] : []),
  ];
  if (!args.generate && generateOnly.length > 0)
    throw new UserError(`${generateOnly.join(', ')}: only with --generate`, ERROR_CODES.OPTION_INVALID);
  const writesNothing = [...(args.check ? ['--check'] : []), ...(args['dry-run'] ? ['--dry-run'] : [])];
  if (args.generate && writesNothing.length > 0)
    throw new UserError(
      `--generate cannot be combined with ${writesNothing.join(' or ')}, which write nothing`,
      ERROR_CODES.OPTION_INVALID,
    );
}

/** `--generate`: what `generate --spec INTO` writes, from the description just validated when there is one. */
async function generateFrom(args: ImportOpenApiArgs, io: Io, spec?: ApiDescription): Promise<number> {
  const generateArgs: GenerateArgs = {
    spec: args.into,
    ...(args.out !== undefined ? { out: args.out } : {}),
    ...(args.format !== undefined ? { format: args.format } : {}),
    ...(args.negative === false ? { negative: false } : {}),
  };
  // Loaded here, not above: `import-openapi --check`, run on every push, needs none of the generator.
  const { generateCommand } = await import('./generate.js');
  return generateCommand(generateArgs, io, spec);
}

function report(outcome: ImportOutcome, io: Io): void {
  for (const note of groupNotes(outcome.notes)) io.err(`note: ${note}`);
  for (const warning of outcome.warnings) io.err(`warning: ${warning}`);
  for (const m of outcome.merged) {
    io.err(
      `merged: ${m.label} is in ${m.kept} and ${m.dropped}; kept the one of ${m.kept}${m.differs.length > 0 ? ` (they differ in ${m.differs.join(', ')})` : ' (identical)'}`,
    );
  }
  const hidden = outcome.leftOut.filter((l) => l.reason === 'hidden');
  const deprecated = outcome.leftOut.filter((l) => l.reason === 'deprecated');
  if (hidden.length > 0)
    io.out(`left out ${hidden.length} hidden (x-exclude; --include-hidden): ${hidden.map((l) => l.label).join(', ')}`);
  if (deprecated.length > 0)
    io.out(
      `left out ${deprecated.length} deprecated (--include-deprecated): ${deprecated.map((l) => l.label).join(', ')}`,
    );
  for (const line of outcome.summaryLines) io.out(line);
}

/** `import-openapi`: imports OpenAPI documents into the description; `--dry-run` and `--check` write nothing. */
export async function importOpenApiCommand(args: ImportOpenApiArgs, io: Io): Promise<number> {
  checkGenerateOptions(args);
  const options: ImportOpenApiOptions = {
    files: args.files,
    into: args.into,
    ...(args['scopes-map'] ? { scopesMap: args['scopes-map'] } : {}),
    ...(args.overlay ? { overlay: args.overlay } : {}),
    prune: args.prune ?? false,
    includeHidden: args['include-hidden'] ?? false,
    includeDeprecated: args['include-deprecated'] ?? false,
    allowUnscoped: args['allow-unscoped'] ?? false,
  };
  // Inputs unchanged since the description was written, and the description intact: nothing to import.
  const inputs = await importInputHash(options);
  const stamp = inputs === undefined ? undefined : await unchangedSinceImport(args.into, inputs);
  const counted = (n: number) => `${n} request${n === 1 ? '' : 's'}`;
  if (stamp) {
    if (args.check)
      io.out(
        `up to date: ${args.into} matches ${args.files.length} OpenAPI documents (${counted(stamp.requests)}; inputs unchanged since the import)`,
      );
    else if (args['dry-run']) io.out(`dry run: ${args.into} would not change; nothing was written`);
    else io.out(`unchanged: ${args.into} (${counted(stamp.requests)}; inputs unchanged since the import)`);
    return args.generate ? generateFrom(args, io) : 0;
  }
  let outcome: ImportOutcome;
  try {
    outcome = await importOpenApi(options);
  } catch (error) {
    if (error instanceof UserError) error.message += '\nnothing was written';
    throw error;
  }
  const text =
    inputs === undefined
      ? outcome.text
      : stampDescription(outcome.text, inputs, outcome.requestCount, importerVersion());
  const same = outcome.previousText === text;
  // Only the stamp differs: another importer version or other inputs that give the same description.
  const sameContent =
    same || (outcome.previousText !== undefined && withoutStamp(outcome.previousText) === withoutStamp(text));
  if (args.check) {
    if (!sameContent) {
      report(outcome, io);
      throw new UserError(
        `${args.into} is not what the OpenAPI documents give; run "npx pleo-postman import-openapi ${args.files.join(' ')}" and commit`,
        ERROR_CODES.IMPORT_DRIFT,
      );
    }
    io.out(
      `up to date: ${args.into} matches ${args.files.length} OpenAPI documents (${counted(outcome.requestCount)}${same ? '' : '; imported in full: its recorded fingerprint is of other inputs or another importer version, run import-openapi to record this one'})`,
    );
    return 0;
  }
  report(outcome, io);
  if (args['dry-run']) {
    io.out(`dry run: ${args.into} ${same ? 'would not change' : 'would change'}; nothing was written`);
    return 0;
  }
  if (same) io.out(`unchanged: ${args.into} (${counted(outcome.requestCount)})`);
  else {
    await writeFilesAtomically(dirname(args.into), [{ path: basename(args.into), content: text }]);
    io.out(`${sameContent ? 'recorded the fingerprint in' : 'wrote'} ${args.into} (${counted(outcome.requestCount)})`);
  }
  return args.generate ? generateFrom(args, io, outcome.spec) : 0;
}
