import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request to the token endpoint (or a refresh endpoint of its own): its path, Basic header and form. */
export type TokenCall = { path: string; authorization?: string; form: Record<string, string> };

/** A fake authorisation server on 127.0.0.1 and what reached it. */
export type FakeAuthServer = { url: string; server: Server; calls: TokenCall[]; authorizeQueries: URLSearchParams[] };

/** The token endpoint's paths the fake answers: Pleo's, and a refresh endpoint of its own (auth.refreshPath). */
const TOKEN_PATHS = new Set(['/oauth/token', '/oauth/refresh']);

/**
 * Starts a fake of Pleo's authorisation server: `/oauth/authorize` answers 302 to a callback with the
 * query `redirect` builds (`redirect` null leaves it unanswered, for timeouts); the token paths give
 * `answers` in turn (500 once they run out); any other path is 404. The caller closes `server`.
 */
export async function startFakeAuthServer(
  answers: { status: number; body: object }[],
  redirect: ((query: URLSearchParams) => string) | null = (q) => `code=code-1&state=${q.get('state')}`,
): Promise<FakeAuthServer> {
  const calls: TokenCall[] = [];
  const authorizeQueries: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/oauth/authorize') {
      authorizeQueries.push(url.searchParams);
      if (redirect) res.writeHead(302, { Location: `http://127.0.0.1:9/callback?${redirect(url.searchParams)}` }).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!TOKEN_PATHS.has(url.pathname)) return void res.writeHead(404).end();
      calls.push({
        path: url.pathname,
        authorization: req.headers.authorization,
        form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      });
      const answer = answers.shift() ?? { status: 500, body: {} };
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, calls, authorizeQueries };
}
