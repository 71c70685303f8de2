import { writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../src/generate/index.js';
import { startMock, TEST_CLIENT } from '../../src/mock/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { runSuite } from '../../src/run/index.js';
import type { Json } from '../helpers/json.js';
import { tempDir } from '../helpers/temp.js';

const ok = { '200': { description: 'OK', content: { 'application/json': { example: { ok: true } } } } };

/**
 * OAuth 2.0 at endpoints of its own, one operation left public by `security: []`, one by having no
 * security at all (the document names none at its top level), one secured.
 */
const DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Public and not', version: '1.0.0' },
  servers: [{ url: 'https://api.example.org' }],
  paths: {
    '/health': { get: { tags: ['Health'], operationId: 'health', security: [], responses: ok } },
    '/status': { get: { tags: ['Status'], operationId: 'status', responses: ok } },
    '/notes': {
      get: { tags: ['Notes'], operationId: 'listNotes', security: [{ OAuth: ['notes:read'] }], responses: ok },
    },
  },
  components: {
    securitySchemes: {
      OAuth: {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: 'https://auth.example.org/connect/authorize',
            tokenUrl: 'https://auth.example.org/connect/token',
            scopes: { 'notes:read': 'Read notes' },
          },
        },
      },
    },
  },
};

/** A loopback forwarder in front of the mock that records each request's method, path and Authorization. */
async function recordingForwarder(target: string) {
  const seen: Array<{ method: string; path: string; authorization: string }> = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    seen.push({ method: req.method ?? '', path, authorization: req.headers.authorization ?? '' });
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('operations the document leaves public get no token and no 401 probe', () => {
  it('imports, generates and runs so: public requests go out without Authorization, only Notes is probed', async () => {
    const dir = tempDir();
    const file = join(dir, 'public.json');
    writeFileSync(file, JSON.stringify(DOCUMENT));
    const outcome = await importOpenApi({ files: [file], into: join(dir, 'api.yaml') });
    const result = validateSpec(outcome.text, 'api.yaml');
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const spec = result.spec as ApiDescription;
    expect(spec.auth).toMatchObject({
      scheme: { type: 'oauth2' },
      authorizePath: '/connect/authorize',
      tokenPath: '/connect/token',
    });
    const publicPaths = spec.folders.flatMap((f) => f.requests.filter((r) => r.public).map((r) => r.path));
    expect(publicPaths.sort()).toEqual(['/health', '/status']);

    const { collection } = buildCollection(spec) as { collection: Json };
    const folders = collection.item as Json[];
    const item = (folder: string) => folders.find((f) => f.name === folder)?.item[0];
    expect(item('Health').request.auth).toEqual({ type: 'noauth', noauth: [] });
    expect(item('Status').request.auth).toEqual({ type: 'noauth', noauth: [] });
    expect(item('Notes').request.auth).toBeUndefined(); // the collection's OAuth 2.0
    const probes = ((folders.find((f) => f.name === 'Security')?.item ?? []) as Json[]).map((p) => p.name);
    expect(probes).toEqual(['Notes: no token → 401']);

    const mock = await startMock({ spec, port: 0, autoApprove: true });
    const forwarder = await recordingForwarder(mock.url);
    try {
      const summary = await runSuite({
        collection,
        environment: buildEnvironment(spec, 'local', neededScopes(spec)),
        envVars: { authServerUrl: forwarder.url, apiBaseUrl: forwarder.url },
        secrets: [TEST_CLIENT.secret],
        reporters: [],
      });
      expect(summary.failures).toEqual([]);
      expect(summary.ok).toBe(true);
    } finally {
      await forwarder.close();
      await mock.close();
    }
    const calls = (path: string) => forwarder.seen.filter((s) => s.path === path);
    for (const path of ['/health', '/status']) {
      expect(calls(path).length, path).toBeGreaterThan(0);
      expect(
        calls(path).map((c) => c.authorization),
        path,
      ).toEqual(calls(path).map(() => ''));
    }
    const notes = calls('/notes').map((c) => c.authorization.split(' ')[0] ?? '');
    expect(notes).toContain('Bearer'); // the contract test
    expect(notes).toContain(''); // the 401 probe
    // The tokens came from the document's own endpoints, none from Pleo's.
    expect(forwarder.seen.filter((s) => s.path.startsWith('/oauth/'))).toEqual([]);
    expect(calls('/connect/authorize').length + calls('/connect/token').length).toBeGreaterThan(0);
  }, 120_000);
});
