import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, UserError } from '../errors.js';
import { generateFiles } from '../generate/index.js';
import { staleFiles, writeFilesAtomically } from '../io/write-files.js';
import { extraFiles, removeFiles } from '../io/owned-dirs.js';
import { parseFormats } from './formats.js';
import { loadSpec, type ApiDescription, type CallbackVariant } from '../description/index.js';
import { outputRoot, parseScopes, withCallback } from './options.js';
import type { Io } from './run-command.js';
import { changedFileLines } from './written-lines.js';
import { plural } from './plural.js';

export interface GenerateArgs {
  spec: string;
  /** Default `.`, or `tailored` when `--scopes` or `--callback` tailors the files. */
  out?: string;
  scopes?: string;
  callback?: CallbackVariant;
  /** `--format v2.1,v3` (default both). */
  format?: string;
  /** `--no-negative` leaves the Negative folder out. */
  negative?: boolean;
}

/** `loaded`: the description at `args.spec`, already read and validated (import-openapi --generate). */
async function produce(args: GenerateArgs, io: Io, loaded?: ApiDescription) {
  const spec = withCallback(loaded ?? (await loadSpec(args.spec, { onWarning: io.err })), args.callback);
  const result = generateFiles(spec, {
    scopes: parseScopes(spec, args.scopes),
    formats: parseFormats(args.format),
    ...(args.negative === false ? { negative: false } : {}),
  });
  for (const { folder, request, missing } of result.omitted) {
    io.err(`left out: ${folder} / ${request.name} (${request.method} ${request.path}) needs ${missing.join(' ')}`);
  }
  for (const d of result.dangling) {
    io.err(
      `warning: ${d.folder} / ${d.request.name} uses {{${d.variable}}}, which only ${d.capturedBy.join(', ')} set${d.capturedBy.length === 1 ? 's' : ''} (left out): it sends ${d.example ? `the example value ${d.example}` : 'no value'} and will likely fail (404) against a real Pleo; add the scope, or set ${d.variable} as a collection variable`,
    );
  }
  return result;
}

/**
 * `generate`: validates the description, then writes the collection and environments atomically.
 * `loaded` is the description at `args.spec` when the caller has just validated it.
 */
export async function generateCommand(args: GenerateArgs, io: Io, loaded?: ApiDescription): Promise<number> {
  try {
    const { files, ownedDirs } = await produce(args, io, loaded);
    const out = outputRoot(args);
    // A folder made by this run holds only what it wrote: not listed again for left-over files.
    const existing = ownedDirs.filter((dir) => existsSync(join(out, dir)));
    const written = await writeFilesAtomically(out, files);
    const left = await extraFiles(out, existing, files);
    await removeFiles(out, ownedDirs, left);
    for (const line of changedFileLines('wrote', out, written, ownedDirs)) io.out(line);
    for (const line of changedFileLines('removed', out, left, ownedDirs)) io.out(line);
    const unchanged = files.length - written.length;
    if (unchanged > 0)
      io.out(`${written.length === 0 ? 'up to date: ' : ''}${unchanged} of ${plural(files.length, 'file')} unchanged`);
    const tailoring = [
      ...(args.scopes !== undefined ? [`--scopes "${args.scopes}"`] : []),
      ...(args.callback !== undefined ? [`--callback ${args.callback}`] : []),
    ];
    if (tailoring.length > 0 && args.out === undefined) {
      io.out(
        `tailored (${tailoring.join(' ')}): these files are in ${out}/, import them into Postman; the committed files in ./collections, ./environments and ./postman are unchanged (--out DIR writes elsewhere)`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof UserError) error.message += '\nnothing was written';
    throw error;
  }
}

/** `check`: exits 1 and names the files when the committed outputs differ from what would be generated. */
export async function checkCommand(args: GenerateArgs, io: Io): Promise<number> {
  const { files, ownedDirs } = await produce(args, io);
  const out = outputRoot(args);
  const stale = [...(await staleFiles(out, files)), ...(await extraFiles(out, ownedDirs, files))];
  if (stale.length > 0) {
    throw new UserError(
      `generated files are stale; run "npx pleo-postman generate" and commit:\n${stale.map((p) => `  ${p}`).join('\n')}`,
      ERROR_CODES.OUTPUT_STALE,
    );
  }
  io.out(`up to date: ${plural(files.length, 'file')} match${files.length === 1 ? 'es' : ''} ${args.spec}`);
  return 0;
}

/** `validate`: checks a description only. */
export async function validateCommand(args: Pick<GenerateArgs, 'spec'>, io: Io): Promise<number> {
  const spec = await loadSpec(args.spec, { onWarning: io.err });
  const requests = spec.folders.reduce((n, f) => n + f.requests.length, 0);
  io.out(
    `${args.spec} is valid: ${plural(requests, 'request')} in ${plural(spec.folders.length, 'folder')}, ${plural(Object.keys(spec.scopes).length, 'scope')}`,
  );
  return 0;
}
