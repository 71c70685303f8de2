import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_CODES, UserError } from '../errors.js';

export const CALLBACK_PATH = '/callback';

/** The browser's visit to the redirect URI, held open until `answer` is called. */
export interface Callback {
  params: URLSearchParams;
  answer: (status: number, html: string) => Promise<void>;
}

export interface CallbackListener {
  /** `http://127.0.0.1:PORT/callback`, with the port actually bound (for `--port 0`). */
  redirectUri: string;
  /** The first visit to /callback. */
  callback: Promise<Callback>;
  close: () => Promise<void>;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
};

function send(res: ServerResponse, status: number, html: string): Promise<void> {
  return new Promise((resolve) => {
    res.writeHead(status, { ...PAGE_HEADERS, Connection: 'close' });
    res.end(html, () => resolve());
  });
}

const IGNORED_PAGE =
  '<!doctype html><title>Not this login</title><p>This answer does not belong to the login running in your terminal (its <code>state</code> is not the one that login sent), so it was ignored. The login goes on: finish it with the link your terminal printed.</p>';

/**
 * What a failed `listen` on the port is reported as: a port in use (EADDRINUSE) or one the user may
 * not bind (EACCES, below 1024 without the right) is a UserError that says what to do; any other
 * error is the error itself.
 */
export function listenFailure(port: number, error: NodeJS.ErrnoException): Error {
  if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') return error;
  return new UserError(
    `login: port ${port} on 127.0.0.1 is ${error.code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}; stop what uses it or pass --port N (the redirect URI registered with Pleo must then be http://127.0.0.1:N/callback, exactly)`,
    ERROR_CODES.LOGIN_PORT_IN_USE,
    { cause: error },
  );
}

/**
 * A one-shot loopback listener for the redirect of a native-app login: only `GET /callback` on
 * 127.0.0.1 counts, once, and only a visit that `belongs` to this login (its state is ours: RFC 6749
 * §10.12); any other visit to /callback is answered, ignored, and the login goes on, so a stray or
 * forged redirect (even `error=access_denied`) cannot end it. Anything else gets 404, and a visit
 * after the login's own is told the login is over.
 * @see [RFC 8252 §7.3](https://www.rfc-editor.org/rfc/rfc8252.html#section-7.3)
 */
export async function startCallbackListener(
  port: number,
  belongs: (params: URLSearchParams) => boolean = () => true,
): Promise<CallbackListener> {
  let deliver!: (callback: Callback) => void;
  const callback = new Promise<Callback>((resolve) => (deliver = resolve));
  let received = false;
  const server = createServer((req, res) => {
    // A server's request always has a URL (`url` is optional only on a client's response).
    const url = new URL(req.url!, 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      void send(res, 404, '<!doctype html><title>Not found</title><p>Not found.</p>');
      return;
    }
    if (received) {
      void send(res, 409, '<!doctype html><title>Already done</title><p>This login has already been answered.</p>');
      return;
    }
    if (!belongs(url.searchParams)) {
      void send(res, 400, IGNORED_PAGE);
      return;
    }
    received = true;
    deliver({ params: url.searchParams, answer: (status, html) => send(res, status, html) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenFailure(port, error)));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://127.0.0.1:${bound}${CALLBACK_PATH}`,
    callback,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
