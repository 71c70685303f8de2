// @ts-nocheck
import { pathParameterNames, type RequestDef } from '../description/index.js';

function variablesUsed(request: RequestDef): string[] {
  return pathParameterNames(request.path)
    .map((name) => request.parameters.path[name]?.variable)
    .filter((v): v is string => v !== undefined);
}

/**
 * Orders a folder's requests for a contract run: a request comes after the requests that capture
 * the variables it uses (creates before reads of what they created), deletes last; otherwise the
 * description's order is kept.
 */
export function orderForRun(requests: readonly RequestDef[]): RequestDef[] {
  const nonDeletes = requests.filter((r) => r.method !== 'DELETE');
  const deletes = requests.filter((r) => r.method === 'DELETE');
  const ordered: RequestDef[] = [];
  const placed = new Set<RequestDef>();
  const capturedBy = (variable: string) => nonDeletes.filter((r) => variable in r.capture);
  const visit = (request: RequestDef, path: Set<RequestDef>) => {
    if (placed.has(request) || path.has(request)) return;
    path.add(request);
    for (const variable of variablesUsed(request)) {
      for (const producer of capturedBy(variable)) if (producer !== request) visit(producer, path);
    }
    placed.add(request);
    ordered.push(request);
  };
  for (const request of nonDeletes) visit(request, new Set());
  return [...ordered, ...deletes];
}
