import { ERROR_CODES, UserError } from '../errors.js';
import { generateFiles } from '../generate/index.js';
import { staleFiles, writeFilesAtomically } from '../io/write-files.js';
import { extraFiles, removeFiles } from '../io/owned-dirs.js';
import { parseFormats } from './formats.js';
import { loadSpec, type CallbackVariant } from '../description/index.js';
import { parseScopes, withCallback } from './options.js';
import type { Io } from './run-command.js';

export interface GenerateArgs {
  spec: string;
  out: string;
  scopes?: string;
  callback?: CallbackVariant;
  /** `--format v2.1,v3` (default both). */
  format?: string;
}

async function produce(args: GenerateArgs, io: Io) {
  const spec = withCallback(await loadSpec(args.spec, { onWarning: io.err }), args.callback);
  const result = generateFiles(spec, { scopes: parseScopes(spec, args.scopes), formats: parseFormats(args.format) });
  for (const { folder, request, missing } of result.omitted) {
    io.err(`left out: ${folder} / ${request.name} (${request.method} ${request.path}) needs ${missing.join(' ')}`);
  }
  return result;
}

/** `generate`: validates the description, then writes the collection and environments atomically. */
export async function generateCommand(args: GenerateArgs, io: Io): Promise<number> {
  try {
    const { files, ownedDirs } = await produce(args, io);
    const written = await writeFilesAtomically(args.out, files);
    const left = await extraFiles(args.out, ownedDirs, files);
    await removeFiles(args.out, ownedDirs, left);
    for (const path of written) io.out(`wrote ${path}`);
    for (const path of left) io.out(`removed ${path}`);
    return 0;
  } catch (error) {
    if (error instanceof UserError) error.message += '\nnothing was written';
    throw error;
  }
}

/** `check`: exits 1 and names the files when the committed outputs differ from what would be generated. */
export async function checkCommand(args: GenerateArgs, io: Io): Promise<number> {
  const { files, ownedDirs } = await produce(args, io);
  const stale = [...(await staleFiles(args.out, files)), ...(await extraFiles(args.out, ownedDirs, files))];
  if (stale.length > 0) {
    throw new UserError(
      `generated files are stale; run "npx pleo-postman generate" and commit:\n${stale.map((p) => `  ${p}`).join('\n')}`,
      ERROR_CODES.OUTPUT_STALE,
    );
  }
  io.out(`up to date: ${files.length} files match ${args.spec}`);
  return 0;
}

/** `validate`: checks a description only. */
export async function validateCommand(args: Pick<GenerateArgs, 'spec'>, io: Io): Promise<number> {
  const spec = await loadSpec(args.spec, { onWarning: io.err });
  const requests = spec.folders.reduce((n, f) => n + f.requests.length, 0);
  io.out(
    `${args.spec} is valid: ${requests} requests in ${spec.folders.length} folders, ${Object.keys(spec.scopes).length} scopes`,
  );
  return 0;
}
