import { pointerOf, pointerSegments, type Problem } from '../description/problem.js';
import { sourceProblem, type SourceProblem } from './problems.js';

/** Where a part of the imported description came from: a place in one of the input documents. */
export interface Origin {
  file: string;
  pointer: string;
  /** The overlay entry (`METHOD /path`) that also went into it, if any. */
  overlayEntry?: string;
}

export interface Origins {
  /** By folder index, then request index. */
  requests: Origin[][];
  /** By the description's schema name. */
  schemas: Record<string, Origin>;
  /** The first document: where the description's own parts (info, servers, scopes) come from. */
  document: string;
  overlay?: string;
}

/** The part of an operation a problem at `rest` (below `/folders/i/requests/j`) is about. */
function operationPart(rest: readonly string[]): string[] {
  const [field, key] = rest;
  if (field === 'body') return ['requestBody'];
  if (field === 'responses' && key !== undefined) return ['responses', key];
  if (field === 'parameters') return ['parameters'];
  if (field === 'scopes') return ['security'];
  return [];
}

const DESCRIPTION_PARTS: Record<string, string[]> = {
  info: ['info'],
  environments: ['servers'],
  scopes: ['components', 'securitySchemes'],
};

/**
 * Problems the validator found in the imported description, moved to the place of the input document
 * they came from, so the user is sent to a file they can edit (a description they never see is no
 * place to point at); the description's pointer stays in the message.
 */
export function toSourceProblems(problems: readonly Problem[], origins: Origins): SourceProblem[] {
  return problems.map((problem) => {
    const segments = pointerSegments(problem.pointer);
    let origin: Origin = {
      file: origins.document,
      pointer: pointerOf(...(DESCRIPTION_PARTS[segments[0] ?? ''] ?? [])),
    };
    if (segments[0] === 'folders' && segments[2] === 'requests') {
      const at = origins.requests[Number(segments[1])]?.[Number(segments[3])];
      if (at) origin = { ...at, pointer: `${at.pointer}${pointerOf(...operationPart(segments.slice(4)))}` };
    } else if (segments[0] === 'schemas') {
      const at = origins.schemas[segments[1] ?? ''];
      if (at) origin = { ...at, pointer: `${at.pointer}${pointerOf(...segments.slice(2))}` };
    }
    const hint = [
      problem.hint?.includes('#/') ? undefined : problem.hint,
      origin.overlayEntry && origins.overlay
        ? `or correct requests."${origin.overlayEntry}" in ${origins.overlay}`
        : undefined,
    ]
      .filter(Boolean)
      .join('; ');
    return {
      ...sourceProblem(
        origin.file,
        problem.code,
        origin.pointer,
        `${problem.message} (imported as #${problem.pointer})`,
        hint || undefined,
      ),
      severity: problem.severity,
    };
  });
}
