import type { RawDescription } from '../description/raw.js';
import type { ImportedOperation } from './operation.js';
import type { LoadedDocument, SecurityRequirement, SecurityScheme } from './types.js';

/** The description's auth scheme, as written under `auth` (OAuth 2.0 writes nothing: it is the default). */
export type SchemeFields = Pick<RawDescription['auth'], 'scheme' | 'in' | 'name'>;

interface Kind {
  /** `oauth2`, `bearer`, `basic`, or `apiKey header X-API-Key`: schemes of one kind are one scheme to us. */
  key: string;
  fields: SchemeFields;
  label: string;
}

/** What a declared security scheme is to the description; undefined for one it cannot carry (digest, mutual TLS). */
function kindOf(scheme: SecurityScheme | undefined): Kind | undefined {
  if (scheme?.type === 'oauth2' || scheme?.type === 'openIdConnect')
    return { key: 'oauth2', fields: {}, label: scheme.type === 'oauth2' ? 'OAuth 2.0' : 'OpenID Connect' };
  if (scheme?.type === 'apiKey' && ['header', 'query', 'cookie'].includes(String(scheme.in)) && scheme.name)
    return {
      key: `apiKey ${scheme.in} ${scheme.name}`,
      fields: { scheme: 'apiKey', in: scheme.in as 'header' | 'query' | 'cookie', name: scheme.name },
      label: `API key (${scheme.in} ${scheme.name})`,
    };
  const http = scheme?.type === 'http' ? String(scheme.scheme ?? '').toLowerCase() : undefined;
  if (http === 'bearer') return { key: 'bearer', fields: { scheme: 'bearer' }, label: 'HTTP bearer' };
  if (http === 'basic') return { key: 'basic', fields: { scheme: 'basic' }, label: 'HTTP basic' };
  return undefined;
}

/** A requirement list that lets the operation through without credentials: `security: []`, or an empty alternative `{}`. */
export const leavesPublic = (security: readonly SecurityRequirement[] | undefined): boolean =>
  Array.isArray(security) && (security.length === 0 || security.some((req) => Object.keys(req).length === 0));

const schemesOf = (docs: readonly LoadedDocument[], file: string) =>
  docs.find((d) => d.path === file)?.document.components?.securitySchemes ?? {};

const describeScheme = (name: string, scheme: SecurityScheme | undefined): string => {
  const kind = scheme?.type === 'http' ? `HTTP ${scheme.scheme ?? ''}`.trim() : (scheme?.type ?? 'undeclared');
  return `"${name}" (${kind})`;
};

export interface ImportedSecurity {
  fields: SchemeFields;
  /** Operations that need no credentials: the document leaves them public. */
  publicOps: Set<ImportedOperation>;
}

/**
 * One scheme for the description: OAuth 2.0 when any operation uses it or a scopes map gives scopes (Pleo's
 * documents declare the bearer token that OAuth 2.0 issues), else
 * the kind most operations use, else none. Operations secured only by another kind keep the chosen one,
 * with a note; so does OpenID Connect, imported as OAuth 2.0.
 * @param mapped operations whose scopes a scopes map gives: never public.
 */
export function importSecurity(
  docs: readonly LoadedDocument[],
  ops: readonly ImportedOperation[],
  mapped: ReadonlySet<ImportedOperation>,
  notes: string[],
  scopesMapped = false,
  /** OpenID Connect schemes (`file#Scheme`) whose discovery document was read: their endpoints are carried over. */
  discovered: ReadonlySet<string> = new Set(),
): ImportedSecurity {
  const kindsOf = new Map<ImportedOperation, Kind[]>();
  const counts = new Map<string, { kind: Kind; count: number }>();
  for (const op of ops) {
    const schemes = schemesOf(docs, op.file);
    const kinds = (op.security ?? [])
      .flatMap((req) => Object.keys(req))
      .map((name) => kindOf(schemes[name]))
      .filter((k): k is Kind => k !== undefined);
    kindsOf.set(op, kinds);
    for (const key of new Set(kinds.map((k) => k.key))) {
      const kind = kinds.find((k) => k.key === key) as Kind;
      counts.set(key, { kind, count: (counts.get(key)?.count ?? 0) + 1 });
    }
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  const oauth = counts.has('oauth2') || scopesMapped ? { key: 'oauth2', fields: {}, label: 'OAuth 2.0' } : undefined;
  const chosen = oauth ?? ranked[0]?.kind;
  const publicOps = new Set<ImportedOperation>();
  if (!chosen) {
    const secured = ops.filter((op) => (op.security ?? []).some((req) => Object.keys(req).length > 0));
    for (const op of secured)
      notes.push(
        `${op.label} (${op.file}): secured by ${securityNames(op, docs)}, which cannot be carried over; imported as needing no credentials`,
      );
    return { fields: { scheme: 'none' }, publicOps };
  }
  for (const op of ops) {
    const kinds = kindsOf.get(op) ?? [];
    if (leavesPublic(op.security) || (op.security === undefined && !mapped.has(op))) {
      publicOps.add(op);
      continue;
    }
    const roles = (op.security ?? []).flatMap((req) =>
      Object.entries(req).flatMap(([name, list]) =>
        kindOf(schemesOf(docs, op.file)[name])?.key === 'oauth2' ? [] : (list ?? []),
      ),
    );
    if (roles.length > 0)
      notes.push(
        `${op.label} (${op.file}): the roles its security names (${[...new Set(roles)].join(', ')}) are not OAuth 2.0 scopes: not carried over`,
      );
    if (kinds.some((k) => k.key === chosen.key)) {
      const openIdSchemes = (op.security ?? [])
        .flatMap((req) => Object.keys(req))
        .filter((name) => schemesOf(docs, op.file)[name]?.type === 'openIdConnect');
      const openId =
        kinds.every((k) => k.label === 'OpenID Connect') &&
        !openIdSchemes.some((name) => discovered.has(`${op.file}#${name}`));
      if (openId) {
        const discovery = [
          ...new Set(
            (op.security ?? [])
              .flatMap((req) => Object.keys(req))
              .map((name) => schemesOf(docs, op.file)[name]?.openIdConnectUrl)
              .filter((url): url is string => typeof url === 'string'),
          ),
        ];
        notes.push(
          `${op.label} (${op.file}): secured by OpenID Connect; its discovery${discovery.length > 0 ? ` (${discovery.join(', ')})` : ''} is not carried over: imported as OAuth 2.0 at {{authServerUrl}} (set auth.authorizePath, auth.tokenPath and the environments' authServerUrl from it in the overlay)`,
        );
      }
      continue;
    }
    if (mapped.has(op)) continue;
    notes.push(
      `${op.label} (${op.file}): secured by ${securityNames(op, docs)}, not the collection's ${chosen.label}; imported as needing ${chosen.label}`,
    );
  }
  return { fields: chosen.fields, publicOps };
}

function securityNames(op: ImportedOperation, docs: readonly LoadedDocument[]): string {
  const schemes = schemesOf(docs, op.file);
  const names = [...new Set((op.security ?? []).flatMap((req) => Object.keys(req)))];
  return names.map((name) => describeScheme(name, schemes[name])).join(', ');
}
