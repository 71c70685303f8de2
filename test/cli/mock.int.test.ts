import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'mock', '--spec', MINIMAL_SPEC, ...args], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = async (): Promise<string> => {
    // The start-up lines come in several writes: wait for the last one.
    for (let i = 0; i < 200 && !/consent page: /.test(stdout); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
    if (!url) throw new Error(`mock did not start: ${stdout}${stderr}`);
    return url;
  };
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

describe('pleo-postman mock', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'serves on a free port, prints its URL and test client, stops cleanly on %s',
    async (signal) => {
      const mock = startCli(['--port', '0']);
      const url = await mock.listening();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const metadata = (await (await fetch(`${url}/.well-known/oauth-authorization-server`)).json()) as Record<
        string,
        unknown
      >;
      expect(metadata.token_endpoint).toBe(`${url}/oauth/token`);
      expect(mock.output().stdout).toContain('client_id=pleo-postman-local');
      mock.child.kill(signal);
      expect(await mock.exited).toBe(0);
      expect(mock.output().stdout).toContain('mock stopped');
    },
  );

  it('a port in use is a clear error with exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const mock = startCli(['--port', String(port)]);
      expect(await mock.exited).toBe(1);
      expect(mock.output().stderr).toContain(String(port));
      expect(mock.output().stderr).not.toContain('unexpected error');
    } finally {
      blocker.close();
    }
  });

  it('issue 19 item 5: without --auto-approve it prints an authorize URL that works, and how to exchange its code', async () => {
    const mock = startCli(['--port', '0']);
    try {
      const url = await mock.listening();
      const { stdout } = mock.output();
      const authorize = /consent page: open (\S+)/.exec(stdout)?.[1];
      expect(authorize, stdout).toBeDefined();
      const page = await fetch(authorize!);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('pleo-postman local test client');
      expect(html).not.toContain('Unknown client');
      // Approve as the page's form does, then exchange the code exactly as the printed curl line does.
      const form = new URLSearchParams(new URL(authorize!).searchParams);
      form.set('decision', 'approve');
      const approved = await fetch(`${url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
      const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code');
      expect(code).toBeTruthy();
      const curl = /curl -u (\S+):(\S+) (.*) (\S+)$/m.exec(stdout);
      expect(curl, stdout).not.toBeNull();
      const [, id, secret, fields, tokenUrl] = curl as unknown as [string, string, string, string, string];
      const body = new URLSearchParams(
        [...fields.matchAll(/-d (\S+?)=(\S+)/g)].map((m): [string, string] => [
          m[1] as string,
          m[2] === 'CODE' ? code! : (m[2] as string),
        ]),
      );
      const token = await fetch(tokenUrl, {
        method: 'POST',
        body,
        headers: { Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
      });
      expect(token.status).toBe(200);
      expect(((await token.json()) as { access_token?: string }).access_token).toBeTruthy();
    } finally {
      mock.child.kill('SIGINT');
      await mock.exited;
    }
  });
});
