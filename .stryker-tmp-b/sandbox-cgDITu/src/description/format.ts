// @ts-nocheck
import { locatePointer } from './locate.js';
import type { Problem } from './problem.js';
import { parseSource, type ParsedSource } from './validate.js';

/**
 * Prints problems as `file:line:col severity: message (at #/pointer)`, a code frame and the hint.
 * The pointer becomes a line and column only here, at the edge.
 */
export function formatProblems(
  problems: Problem[],
  source: string,
  text: string,
  parsed: ParsedSource = parseSource(text),
): string {
  const sourceLines = text.split(/\r?\n/);
  return problems
    .map((problem) => {
      const { line, col } =
        problem.offset !== undefined
          ? parsed.lines.linePos(problem.offset)
          : locatePointer(parsed.doc, parsed.lines, problem.pointer, problem.atKey);
      const at = problem.pointer ? ` (at #${problem.pointer})` : '';
      const frame =
        sourceLines[line - 1] !== undefined
          ? `\n  ${line} | ${sourceLines[line - 1]}\n  ${' '.repeat(String(line).length)} | ${' '.repeat(Math.max(0, col - 1))}^`
          : '';
      const hint = problem.hint ? `\n  → ${problem.hint}` : '';
      return `${source}:${line}:${col} ${problem.severity}: ${problem.message}${at}${frame}${hint}`;
    })
    .join('\n');
}
