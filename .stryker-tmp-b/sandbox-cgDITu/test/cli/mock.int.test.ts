// @ts-nocheck
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
});
