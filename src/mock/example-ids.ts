import { addressedIdParameter, type ApiDescription, type RequestDef } from '../description/index.js';

/**
 * Every string and number the description's examples, parameter examples and environment variables
 * hold: the ids an API served from its examples knows. A request the collection sends addresses one of
 * these (an example's id, or one captured from an example's body), so any other id is unknown.
 */
export function exampleIds(spec: ApiDescription): Set<string> {
  const ids = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') ids.add(String(value));
    else if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collect(item);
  };
  for (const env of Object.values(spec.environments)) collect(env.variables);
  for (const folder of spec.folders)
    for (const request of folder.requests) {
      for (const params of Object.values(request.parameters)) for (const p of Object.values(params)) collect(p.example);
      collect(request.body?.example);
      for (const response of Object.values(request.responses)) collect(response.example);
    }
  return ids;
}

/**
 * The id a request served from its examples addresses, when it is none the examples know and the
 * request documents a 404 for it (the id `addressedIdParameter` names, as the negative cases address it).
 * Undefined otherwise.
 */
export function unknownAddressedId(
  request: RequestDef,
  params: Record<string, string>,
  known: ReadonlySet<string>,
): string | undefined {
  if (request.responses['404'] === undefined) return undefined;
  const name = addressedIdParameter(request);
  const id = name === undefined ? undefined : params[name];
  return id !== undefined && !known.has(id) ? id : undefined;
}
