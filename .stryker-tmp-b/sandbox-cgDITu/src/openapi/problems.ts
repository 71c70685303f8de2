// @ts-nocheck
import { ERROR_CODES, UserError } from '../errors.js';
import { formatProblems } from '../description/format.js';
import { error, type Problem } from '../description/problem.js';

/** A problem in one of the OpenAPI documents (or the scopes map, or the overlay), located by JSON pointer. */
export interface SourceProblem extends Problem {
  file: string;
}

export interface SourceText {
  file: string;
  text: string;
}

export const sourceProblem = (
  file: string,
  code: string,
  pointer: string,
  message: string,
  hint?: string,
): SourceProblem => ({ ...error(code, pointer, message, hint), file });

/** Formats problems of several files as `file:line:col error: …` with a code frame each. */
export function formatSourceProblems(problems: readonly SourceProblem[], texts: readonly SourceText[]): string {
  return problems
    .map((problem) => {
      const text = texts.find((t) => t.file === problem.file)?.text;
      if (text === undefined) return `${problem.file}: ${problem.severity}: ${problem.message}`;
      return formatProblems([problem], problem.file, text);
    })
    .join('\n');
}

/** The error an import fails with: every problem, formatted; the CLI adds "nothing was written". */
export class ImportError extends UserError {
  readonly problems: SourceProblem[];
  constructor(problems: SourceProblem[], texts: readonly SourceText[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`import-openapi: ${count}\n${formatSourceProblems(problems, texts)}`, ERROR_CODES.IMPORT_FAILED, {
      cause: { problems },
    });
    this.problems = problems;
  }
}
