// @ts-nocheck
import { join } from 'node:path';
import { generateFiles } from '../generate/index.js';
import { staleFiles, writeFilesAtomically } from '../io/write-files.js';
import { runLocalSuite } from '../run/index.js';
import { loadSpec } from '../description/index.js';
import { reportRun } from './test.js';
import type { Io } from './run-command.js';

export interface StartArgs {
  spec: string;
  reportDir: string;
  /** Output root of the generated files; default the current directory. */
  out?: string;
}

/**
 * `start` (`npm start`): regenerates the collection and environments if they are stale, runs the
 * whole suite against the embedded mock with the cli, junit and html reporters, and exits
 * with the suite's status.
 */
export async function startCommand(args: StartArgs, io: Io): Promise<number> {
  const spec = await loadSpec(args.spec, { onWarning: io.err });
  const { files } = generateFiles(spec);
  const out = args.out ?? '.';
  const stale = await staleFiles(out, files);
  if (stale.length > 0) {
    const written = await writeFilesAtomically(
      out,
      files.filter((f) => stale.includes(join(out, f.path))),
    );
    for (const path of written) io.out(`generated ${path}`);
  } else {
    io.out(`generated files are up to date with ${args.spec}`);
  }
  const summary = await runLocalSuite({
    spec,
    reporters: ['cli', 'junit', 'html'],
    reportDir: args.reportDir,
    reportName: 'pleo-postman-local',
    onProgress: (message) => io.err(message),
  });
  reportRun(summary, io);
  if (summary.reportFiles.length > 0)
    io.out(
      `open ${summary.reportFiles.find((f) => f.endsWith('.html')) ?? summary.reportFiles[0]} for the readable report`,
    );
  return summary.ok ? 0 : 1;
}
