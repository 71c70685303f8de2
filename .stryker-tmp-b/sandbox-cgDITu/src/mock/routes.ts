// @ts-nocheck
import type { ApiDescription, RequestDef } from '../description/index.js';

export interface Route {
  request: RequestDef;
  pattern: RegExp;
  paramNames: string[];
  /** Characters outside placeholders: the more, the more specific the route. */
  literalLength: number;
}

export type RouteMatch =
  | { kind: 'found'; candidates: Array<{ route: Route; params: Record<string, string> }> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One route per request of the description. `{param}` matches one non-empty path segment;
 * everything else, custom-method suffixes such as `:search` included, is literal.
 */
export function compileRoutes(spec: ApiDescription): Route[] {
  const routes = spec.folders
    .flatMap((folder) => folder.requests)
    .map((request) => {
      const paramNames: string[] = [];
      let literalLength = 0;
      const source = request.path
        .split(/(\{[^{}]+\})/)
        .map((part) => {
          const param = /^\{([^{}]+)\}$/.exec(part);
          if (param?.[1] !== undefined) {
            paramNames.push(param[1]);
            return '([^/]+)';
          }
          literalLength += part.length;
          return escapeRegExp(part);
        })
        .join('');
      return { request, pattern: new RegExp(`^${source}$`), paramNames, literalLength };
    });
  // Stable sort: more literal text first, so `/v1/vendors/{id}:archive` wins over `/v1/vendors/{id}`.
  return routes.sort((a, b) => b.literalLength - a.literalLength);
}

function decodeSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Candidates for a request: every route of the most specific matching path with this method. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allow = new Set<string>();
  const candidates: Array<{ route: Route; params: Record<string, string> }> = [];
  let matchedPath: string | undefined;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const values = match.slice(1).map(decodeSegment);
    if (values.some((v) => v === undefined)) continue;
    allow.add(route.request.method);
    if (route.request.method !== method) continue;
    if (matchedPath !== undefined && matchedPath !== route.request.path) continue;
    matchedPath = route.request.path;
    candidates.push({
      route,
      params: Object.fromEntries(route.paramNames.map((name, i) => [name, values[i] as string])),
    });
  }
  if (candidates.length > 0) return { kind: 'found', candidates };
  return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow].sort() } : { kind: 'not-found' };
}
