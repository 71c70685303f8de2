// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { ERROR_CODES, UserError } from '../errors.js';
import { formatProblems } from './format.js';
import type { ApiDescription } from './model.js';
import type { Problem } from './problem.js';
import { validateSpec } from './validate.js';

/** A description that failed validation; its message is the formatted list of problems. */
export class SpecError extends UserError {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[]) {
    super(message, ERROR_CODES.SPEC_INVALID, { cause: { problems } });
    this.problems = problems;
  }
}

export interface LoadOptions {
  /** Receives formatted warnings (e.g. a variable no request captures). */
  onWarning?: (message: string) => void;
}

/** Reads and validates a description file; throws SpecError naming file:line:col of every problem. */
export async function loadSpec(path: string, options: LoadOptions = {}): Promise<ApiDescription> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new UserError(
      `cannot read the description "${path}": ${(cause as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      ERROR_CODES.SPEC_NOT_FOUND,
      { cause },
    );
  }
  const result = validateSpec(text, path);
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  if (warnings.length > 0) options.onWarning?.(formatProblems(warnings, path, text));
  if (result.spec === undefined) {
    const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
    throw new SpecError(`${path}: ${count}\n${formatProblems(errors, path, text)}`, errors);
  }
  return result.spec;
}
