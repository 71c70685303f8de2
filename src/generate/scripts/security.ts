import { pathParameterNames, type AuthScheme, type FolderDef, type RequestDef } from '../../description/index.js';
import { stableId } from '../ids.js';
import type { FolderModel, HttpRequestModel, RequestItem } from '../model.js';
import { requestLabel } from './contract.js';
import { scriptEvent } from './event.js';
import { iife, lit, pmTest } from './js.js';
import { sandboxSources } from './sandbox.js';
import { tokenEndpointRequest, type EndpointSpec } from './token-item.js';
import { NARROW_TOKEN_VARIABLE } from './variables.js';
import { isWriteRequest } from './writes.js';

export const SECURITY_FOLDER_NAME = 'Security';

export { NARROW_TOKEN_VARIABLE };

/** Method, URL, headers and body of a request (src/generate/request.ts, passed in to keep imports one-way). */
export type RequestDefiner = (request: RequestDef) => HttpRequestModel;

/** The request of a folder that is safest to probe: a read without path parameters first, a write last. */
export function probeRequest(requests: readonly RequestDef[]): RequestDef | undefined {
  const rank = (r: RequestDef) =>
    (isWriteRequest(r.method, r.path) ? 2 : 0) + (pathParameterNames(r.path).length > 0 ? 1 : 0);
  return [...requests].sort((a, b) => rank(a) - rank(b))[0];
}

/** The challenge a 401 must carry: RFC 6750 §3 for a token, RFC 7617 §2 for basic; an API key has none. */
const CHALLENGES: Partial<Record<AuthScheme['type'], { scheme: string; rfc: string }>> = {
  oauth2: { scheme: 'Bearer', rfc: 'RFC 6750 §3' },
  bearer: { scheme: 'Bearer', rfc: 'RFC 6750 §3' },
  basic: { scheme: 'Basic', rfc: 'RFC 7617 §2' },
};

/** A call without credentials of a scheme other than OAuth 2.0: 401, with the scheme's challenge if it has one. */
function noCredentialsItem(
  folder: FolderDef,
  request: RequestDef,
  define: RequestDefiner,
  scheme: AuthScheme,
): RequestItem {
  const label = `${folder.name}: ${requestLabel(request)} without credentials`;
  const challenge = CHALLENGES[scheme.type];
  const source = [
    `// Security: without credentials, ${requestLabel(request)} must be refused with 401.`,
    pmTest(`${label} → 401 (RFC 9110 §15.5.2)`, 'pm.response.to.have.status(401);'),
    ...(challenge
      ? [
          pmTest(
            `${label} → WWW-Authenticate: ${challenge.scheme} (${challenge.rfc})`,
            `pm.expect(pm.response.headers.get('WWW-Authenticate') || '(none)', 'WWW-Authenticate').to.match(/^${challenge.scheme}\\b/i);`,
          ),
        ]
      : []),
  ].join('\n');
  return {
    id: stableId('security', folder.name, 'no credentials'),
    name: `${folder.name}: no credentials → 401`,
    request: { ...define(request), auth: { type: 'noauth' } },
    scripts: [scriptEvent('test', `security/${folder.name}/no credentials`, source)],
    examples: [],
  };
}

/** @see [RFC 6750 §3](https://www.rfc-editor.org/rfc/rfc6750.html#section-3) */
function noTokenItem(folder: FolderDef, request: RequestDef, define: RequestDefiner): RequestItem {
  const label = `${folder.name}: ${requestLabel(request)} without a token`;
  const source = [
    `// Security: without a token, ${requestLabel(request)} must be refused with 401 and a Bearer challenge.`,
    pmTest(`${label} → 401 (RFC 6750 §3)`, 'pm.response.to.have.status(401);'),
    pmTest(
      `${label} → WWW-Authenticate: Bearer (RFC 6750 §3)`,
      String.raw`pm.expect(pm.response.headers.get('WWW-Authenticate') || '(none)', 'WWW-Authenticate').to.match(/^Bearer\b/i);`,
    ),
  ].join('\n');
  return {
    id: stableId('security', folder.name, 'no token'),
    name: `${folder.name}: no token → 401`,
    request: { ...define(request), auth: { type: 'noauth' } },
    scripts: [scriptEvent('test', `security/${folder.name}/no token`, source)],
    examples: [],
  };
}

/** Preamble and sandbox files of a narrowing request's scripts. */
function narrowScript(
  spec: EndpointSpec,
  testName: string,
  required: readonly string[],
  file: 'security-narrow.js' | 'security-narrow-response.js',
) {
  return iife(
    [
      `var TEST_NAME = ${lit(testName)};`,
      `var REQUIRED = ${lit(required)};`,
      'var env = pm.environment;',
      sandboxSources(spec.auth, 'token-request.js', file),
    ].join('\n'),
  );
}

const narrowTestName = (folder: FolderDef, request: RequestDef) =>
  `${folder.name}: ${requestLabel(request)} with a token lacking ${request.scopes.join(' ')} → 403 (RFC 6750 §3.1 insufficient_scope)`;

/**
 * The request before a 403 probe: a refresh that asks for less scope (RFC 6749 §6), a token request
 * item of its own (see token-item.ts), whose answer the probe's Bearer auth uses.
 * @see [RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749.html#section-6)
 */
function narrowingItem(spec: EndpointSpec, folder: FolderDef, request: RequestDef, idParts: string[]): RequestItem {
  const testName = narrowTestName(folder, request);
  const owner = `security/${folder.name}/narrowing`;
  const header = [
    `// Security: a token without ${request.scopes.join(' ')}, for the 403 probe after this request (RFC 6750 §3.1).`,
    '// It comes from a refresh that asks for less scope (RFC 6749 §6); the rotated refresh token replaces the',
    '// old one at once. With no refresh token or nothing to narrow to, the check is skipped.',
  ].join('\n');
  return {
    id: stableId('security', folder.name, 'narrowing', ...idParts),
    name: `${folder.name}: narrower token without ${request.scopes.join(' ')}`,
    request: tokenEndpointRequest(spec, 'refresh'),
    scripts: [
      scriptEvent(
        'prerequest',
        owner,
        `${header}\n${narrowScript(spec, testName, request.scopes, 'security-narrow.js')}`,
      ),
      scriptEvent('test', owner, narrowScript(spec, testName, request.scopes, 'security-narrow-response.js')),
    ],
    examples: [],
  };
}

/** @see [RFC 6750 §3.1](https://www.rfc-editor.org/rfc/rfc6750.html#section-3.1) */
function narrowTokenItem(
  folder: FolderDef,
  request: RequestDef,
  define: RequestDefiner,
  idParts: string[],
): RequestItem {
  const testName = narrowTestName(folder, request);
  const owner = `security/${folder.name}/narrow token`;
  return {
    id: stableId('security', folder.name, 'narrow token', ...idParts),
    name: `${folder.name}: token without ${request.scopes.join(' ')} → 403`,
    request: { ...define(request), auth: { type: 'bearer', token: `{{${NARROW_TOKEN_VARIABLE}}}` } },
    scripts: [
      scriptEvent(
        'prerequest',
        owner,
        `// Security: skipped when the request before it got no narrower token (it says why).\n${iife(sandboxSources(undefined, 'security-probe.js'))}`,
      ),
      scriptEvent(
        'test',
        owner,
        `${pmTest(testName, 'pm.response.to.have.status(403);')}\npm.collectionVariables.set(${lit(NARROW_TOKEN_VARIABLE)}, '');`,
      ),
    ],
    examples: [],
  };
}

/**
 * The requests to probe with a narrower token: for each set of scopes a request needs, the first
 * request that needs it (in folder order, the safest of its folder first), so each is probed once
 * rather than once a folder. `narrowable`: whether a narrower token is possible for a request.
 */
function scopeProbes(
  folders: readonly FolderDef[],
  narrowable: (r: RequestDef) => boolean,
): Array<{ folder: FolderDef; request: RequestDef }> {
  const probed = new Set<string>();
  const key = (r: RequestDef) => [...r.scopes].sort().join(' ');
  return folders.flatMap((folder) => {
    const probes: RequestDef[] = [];
    let left = folder.requests.filter((r) => !r.public && narrowable(r) && !probed.has(key(r)));
    for (let next = probeRequest(left); next; next = probeRequest(left)) {
      const needs = key(next);
      probed.add(needs);
      probes.push(next);
      left = left.filter((r) => key(r) !== needs);
    }
    return probes.map((request) => ({ folder, request }));
  });
}

/**
 * The generated security folder: per folder, a call without a token (→ 401), and for each set of
 * scopes a request needs, one call with a token lacking them (→ 403), where `granted` leaves a
 * narrower token possible. Under another scheme, a call without credentials (→ 401); under none, no
 * folder. Public requests are never probed. It runs last, after the contract tests.
 */
export function buildSecurityFolder(
  folders: readonly FolderDef[],
  define: RequestDefiner,
  granted: readonly string[],
  spec: EndpointSpec,
): FolderModel | undefined {
  const scheme = spec.auth.scheme;
  if (scheme.type === 'none') return undefined;
  const oauth = scheme.type === 'oauth2';
  // A 403 probe needs a narrower token with some other granted scope; with none, it could only be skipped.
  const narrowable = (r: RequestDef) => r.scopes.length > 0 && granted.some((scope) => !r.scopes.includes(scope));
  const scoped = oauth ? scopeProbes(folders, narrowable) : [];
  const items = folders.flatMap((folder) => {
    const probe = probeRequest(folder.requests.filter((r) => !r.public));
    if (!oauth) return probe ? [noCredentialsItem(folder, probe, define, scheme)] : [];
    // The first probe of a folder keeps the id it had when each folder had one; a folder's others name their scopes.
    const narrowings = scoped
      .filter((p) => p.folder === folder)
      .flatMap(({ request }, i) => {
        const idParts = i === 0 ? [] : [request.scopes.join(' ')];
        return [narrowingItem(spec, folder, request, idParts), narrowTokenItem(folder, request, define, idParts)];
      });
    return [...(probe ? [noTokenItem(folder, probe, define)] : []), ...narrowings];
  });
  if (items.length === 0) return undefined;
  return {
    id: stableId('folder', SECURITY_FOLDER_NAME),
    name: SECURITY_FOLDER_NAME,
    description: oauth
      ? 'Generated: for each folder, a call without a token must get 401; for each set of scopes a request needs, one call with a token lacking them must get 403. Runs last.'
      : 'Generated: for each folder, a call without credentials must get 401. Runs last.',
    items,
  };
}
