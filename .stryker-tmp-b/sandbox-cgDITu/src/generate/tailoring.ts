// @ts-nocheck
import { bodyVariableTemplate, templateVariables, type FolderDef, type RequestDef } from '../description/index.js';

/** A kept request that uses a variable only left-out requests capture: it would send the example value. */
export interface DanglingInput {
  folder: string;
  request: RequestDef;
  variable: string;
  /** The left-out requests that would have captured it, as `Folder / Request`. */
  capturedBy: string[];
  /** The value it sends instead (the parameter's example), if any. */
  example?: string;
}

/** The collection variables a request reads: parameters' `variable`s and body templates. */
export function variablesUsedBy(request: RequestDef): string[] {
  const params = (['path', 'query', 'header'] as const).flatMap((where) =>
    Object.values(request.parameters[where]).flatMap((p) => (p.variable !== undefined ? [p.variable] : [])),
  );
  const body = Object.values(request.body?.variables ?? {}).flatMap((v) => templateVariables(bodyVariableTemplate(v)));
  return [...new Set([...params, ...body])];
}

function exampleOf(request: RequestDef, variable: string): string | undefined {
  for (const where of ['path', 'query', 'header'] as const) {
    const param = Object.values(request.parameters[where]).find((p) => p.variable === variable);
    if (param?.example !== undefined) return String(param.example);
  }
  return undefined;
}

/**
 * Requests kept in a tailored collection (`--scopes`) that read a variable which, in the full
 * collection, only left-out requests capture: nothing sets it any more, so the request sends the
 * description's example id (and would get 404 against a real Pleo). Variables the environments set
 * (such as `companyId`) are not dangling.
 */
export function danglingInputs(
  kept: readonly FolderDef[],
  omitted: ReadonlyArray<{ folder: string; request: RequestDef }>,
  environmentVariables: Iterable<string> = [],
): DanglingInput[] {
  const captured = new Set([
    ...kept.flatMap((f) => f.requests.flatMap((r) => Object.keys(r.capture))),
    ...environmentVariables,
  ]);
  const result: DanglingInput[] = [];
  for (const folder of kept) {
    for (const request of folder.requests) {
      for (const variable of variablesUsedBy(request)) {
        if (captured.has(variable)) continue;
        const capturedBy = omitted
          .filter((o) => variable in o.request.capture)
          .map((o) => `${o.folder} / ${o.request.name}`);
        if (capturedBy.length === 0) continue;
        const example = exampleOf(request, variable);
        result.push({ folder: folder.name, request, variable, capturedBy, ...(example ? { example } : {}) });
      }
    }
  }
  return result;
}
