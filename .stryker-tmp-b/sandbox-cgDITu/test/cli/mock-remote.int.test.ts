// @ts-nocheck
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/mock/loopback.js';
import { CLI } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

describe('mock --host: loopback only unless --allow-remote', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.com', false],
  ])('isLoopbackHost(%s) is %s', (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });

  it('issue 8 item 13: mock --host 0.0.0.0 is refused with exit 1 and says what to do', () => {
    // A timeout: before the fix, the mock starts and would serve until killed.
    const result = spawnSync(
      process.execPath,
      [CLI, 'mock', '--spec', MINIMAL_SPEC, '--host', '0.0.0.0', '--port', '0'],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: --host 0.0.0.0 is not a loopback address');
    expect(result.stderr).toContain('pass --allow-remote if you mean it');
    expect(result.stdout).not.toContain('listening on');
  });

  it('issue 8 item 13: with --allow-remote it listens and warns on stderr', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'mock', '--spec', MINIMAL_SPEC, '--host', '0.0.0.0', '--port', '0', '--allow-remote', '--auto-approve'],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (
      let i = 0;
      i < 200 && !(stderr.includes('warning:') && stdout.includes('consent page: ')) && child.exitCode === null;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const port = /listening on http:\/\/0\.0\.0\.0:(\d+)/.exec(stdout)?.[1];
    expect(port, stdout + stderr).toBeDefined();
    expect(stderr).toContain('warning: listening on 0.0.0.0 (--allow-remote): anyone who can reach this port');
    expect(stderr).toContain('without a consent page (--auto-approve)');
    const metadata = await fetch(`http://127.0.0.1:${port}/.well-known/oauth-authorization-server`);
    expect(metadata.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
