import { pathParameterNames, type FolderDef, type RequestDef } from '../../description/index.js';
import { stableId } from '../ids.js';
import { requestLabel } from './contract.js';
import { scriptEvent } from './event.js';
import { iife, lit, pmTest } from './js.js';
import { sandboxSources } from './sandbox.js';
import { NARROW_TOKEN_VARIABLE } from './variables.js';
import { isWriteRequest } from './writes.js';

export const SECURITY_FOLDER_NAME = 'Security';

export { NARROW_TOKEN_VARIABLE };

/** Method, URL, headers and body of a request (src/generate/request.ts, passed in to keep imports one-way). */
export type RequestDefiner = (request: RequestDef) => Record<string, unknown>;

/** The request of a folder that is safest to probe: a read without path parameters first, a write last. */
export function probeRequest(requests: readonly RequestDef[]): RequestDef | undefined {
  const rank = (r: RequestDef) =>
    (isWriteRequest(r.method, r.path) ? 2 : 0) + (pathParameterNames(r.path).length > 0 ? 1 : 0);
  return [...requests].sort((a, b) => rank(a) - rank(b))[0];
}

/** @see [RFC 6750 §3](https://www.rfc-editor.org/rfc/rfc6750.html#section-3) */
function noTokenItem(folder: FolderDef, request: RequestDef, define: RequestDefiner) {
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
    event: [scriptEvent('test', `security/${folder.name}/no token`, source)],
  };
}

/** The 403 probe's pre-request script: src/generate/sandbox/security-narrow.js after its preamble. */
function narrowScript(testName: string, required: readonly string[]): string {
  const body = [
    `var TEST_NAME = ${lit(testName)};`,
    `var REQUIRED = ${lit(required)};`,
    'var env = pm.environment;',
    sandboxSources('token-request.js', 'security-narrow.js'),
  ].join('\n');
  return [
    `// Security: a token without ${required.join(' ')} must be refused with 403 (RFC 6750 §3.1 insufficient_scope).`,
    '// The narrower token comes from a refresh that asks for less scope (RFC 6749 §6); the rotated refresh',
    '// token replaces the old one at once. With no refresh token or nothing to narrow to, the check is skipped.',
    iife(body),
  ].join('\n');
}

/** @see [RFC 6750 §3.1](https://www.rfc-editor.org/rfc/rfc6750.html#section-3.1) */
function narrowTokenItem(folder: FolderDef, request: RequestDef, define: RequestDefiner) {
  const testName = `${folder.name}: ${requestLabel(request)} with a token lacking ${request.scopes.join(' ')} → 403 (RFC 6750 §3.1 insufficient_scope)`;
  const owner = `security/${folder.name}/narrow token`;
  return {
    id: stableId('security', folder.name, 'narrow token'),
    name: `${folder.name}: token without ${request.scopes.join(' ')} → 403`,
    request: {
      ...define(request),
      auth: { type: 'bearer', bearer: [{ key: 'token', value: `{{${NARROW_TOKEN_VARIABLE}}}`, type: 'string' }] },
    },
    event: [
      scriptEvent('prerequest', owner, narrowScript(testName, request.scopes)),
      scriptEvent('test', owner, pmTest(testName, 'pm.response.to.have.status(403);')),
    ],
  };
}

/**
 * The generated security folder: per folder, a call without a token (→ 401) and, where the folder's
 * probe needs a scope, a call with a token lacking it (→ 403), where `granted` leaves a narrower
 * token possible. It runs last, after the contract tests.
 */
export function buildSecurityFolder(folders: readonly FolderDef[], define: RequestDefiner, granted: readonly string[]) {
  // A 403 probe needs a narrower token with some other granted scope; with none, it could only be skipped.
  const narrowable = (r: RequestDef) => r.scopes.length > 0 && granted.some((scope) => !r.scopes.includes(scope));
  const items = folders.flatMap((folder) => {
    const probe = probeRequest(folder.requests);
    const scoped = probeRequest(folder.requests.filter(narrowable));
    return [
      ...(probe ? [noTokenItem(folder, probe, define)] : []),
      ...(scoped ? [narrowTokenItem(folder, scoped, define)] : []),
    ];
  });
  if (items.length === 0) return undefined;
  return {
    id: stableId('folder', SECURITY_FOLDER_NAME),
    name: SECURITY_FOLDER_NAME,
    description: {
      content:
        'Generated: for each folder, a call without a token must get 401 and a call with a token lacking the required scope must get 403. Runs last.',
      type: 'text/markdown',
    },
    item: items,
  };
}
