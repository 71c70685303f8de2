import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenFailure, startCallbackListener, type CallbackListener } from '../../src/login/callback-listener.js';
import { UserError } from '../../src/errors.js';

/** The loopback listener of a native-app login (RFC 8252 §7.3): only one GET /callback counts. */
let listener: CallbackListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

const visit = (path: string, init: RequestInit = {}) =>
  fetch(`${listener!.redirectUri.replace('/callback', '')}${path}`, init);

describe('startCallbackListener', () => {
  it('binds 127.0.0.1 on the port it was given (0: any) and says its redirect URI', async () => {
    listener = await startCallbackListener(0);
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(listener.redirectUri).not.toBe('http://127.0.0.1:0/callback');
  });

  it('listens on 127.0.0.1 only: another address of the machine (127.0.0.2) is not answered', async () => {
    listener = await startCallbackListener(0);
    const port = new URL(listener.redirectUri).port;
    await expect(fetch(`http://127.0.0.2:${port}/callback?code=x`)).rejects.toThrow();
  });

  it('the first GET /callback delivers its query; the page it answers is not cached and sends no referrer', async () => {
    listener = await startCallbackListener(0);
    const pending = visit('/callback?code=abc&state=xyz');
    const callback = await listener.callback;
    expect(Object.fromEntries(callback.params)).toEqual({ code: 'abc', state: 'xyz' });
    await callback.answer(200, '<p>done</p>');
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>done</p>');
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
      connection: 'close',
    });
  });

  it('a second visit is told the login is over and delivers nothing', async () => {
    listener = await startCallbackListener(0);
    const first = visit('/callback?code=first');
    const callback = await listener.callback;
    const second = await visit('/callback?code=second');
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('already been answered');
    await callback.answer(200, 'ok');
    await first;
    expect(callback.params.get('code')).toBe('first');
  });

  it.each([
    ['another path', '/other?code=abc', 'GET'],
    ['a path that only starts with /callback', '/callbackx?code=abc', 'GET'],
    ['a POST to /callback', '/callback?code=abc', 'POST'],
  ])('%s gets 404 and is not taken for the answer', async (_name, path, method) => {
    listener = await startCallbackListener(0);
    let delivered = false;
    void listener.callback.then(() => (delivered = true));
    const res = await visit(path, { method });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Not found');
    await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toBe(false);
    // The real callback still counts afterwards.
    const pending = visit('/callback?code=real');
    const callback = await listener.callback;
    expect(callback.params.get('code')).toBe('real');
    await callback.answer(200, 'ok');
    await pending;
  });

  it('a port in use is a UserError that says what to do', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      await expect(startCallbackListener(port)).rejects.toMatchObject({
        code: 'LOGIN_PORT_IN_USE',
        message: `login: port ${port} on 127.0.0.1 is already in use; stop what uses it or pass --port N (the redirect URI registered with Pleo must then be http://127.0.0.1:N/callback, exactly)`,
        cause: expect.objectContaining({ code: 'EADDRINUSE' }),
      });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('a visit to /callback with a state that is not this login’s gets 400, is ignored, and the login goes on', async () => {
    listener = await startCallbackListener(0, (params) => params.get('state') === 'ours');
    let delivered = false;
    void listener.callback.then(() => (delivered = true));
    for (const query of ['?error=access_denied&state=forged', '?code=stolen']) {
      const stray = await visit(`/callback${query}`);
      expect(stray.status).toBe(400);
      expect(await stray.text()).toContain('does not belong to the login running in your terminal');
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toBe(false);
    const pending = visit('/callback?code=real&state=ours');
    const callback = await listener.callback;
    expect(Object.fromEntries(callback.params)).toEqual({ code: 'real', state: 'ours' });
    await callback.answer(200, 'ok');
    expect((await pending).status).toBe(200);
  });

  it('close ends a visit still held open', async () => {
    listener = await startCallbackListener(0);
    const pending = visit('/callback?code=abc').catch((error: unknown) => error);
    await listener.callback;
    await listener.close();
    listener = undefined;
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('listenFailure: what a failed listen on the port is reported as', () => {
  const failure = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

  it('a port the user may not bind (EACCES) is a UserError that says it is not allowed', () => {
    const cause = failure('EACCES');
    const error = listenFailure(80, cause);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({
      code: 'LOGIN_PORT_IN_USE',
      message:
        'login: port 80 on 127.0.0.1 is not allowed; stop what uses it or pass --port N (the redirect URI registered with Pleo must then be http://127.0.0.1:N/callback, exactly)',
      cause,
    });
  });

  it('a port in use (EADDRINUSE) says already in use', () => {
    expect(listenFailure(8080, failure('EADDRINUSE')).message).toMatch(
      /^login: port 8080 on 127\.0\.0\.1 is already in use;/,
    );
  });

  it.each(['EADDRNOTAVAIL', 'EMFILE', ''])('any other error (%s) is the error itself, not a port message', (code) => {
    const cause = failure(code);
    expect(listenFailure(8080, cause)).toBe(cause);
  });
});
