import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

/** Runs the CLI, noting when stdout and stderr first said something. */
function timed(
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string; firstErr: number; firstOut: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let firstErr = Number.POSITIVE_INFINITY;
    let firstOut = Number.POSITIVE_INFINITY;
    child.stdout.on('data', (c) => {
      firstOut = Math.min(firstOut, performance.now());
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      firstErr = Math.min(firstErr, performance.now());
      stderr += c;
    });
    child.on('exit', (status) => done({ status, stdout, stderr, firstErr, firstOut }));
  });
}

describe('test says what it is doing before Newman starts', () => {
  it('issue 8 item 5: test --env local tells stderr it starts the local Pleo and Newman, before Newman prints', async () => {
    const run = await timed(['test', '--spec', MINIMAL_SPEC, '--report-dir', tempDir()]);
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('starting the local Pleo (mock)…');
    expect(lines[1]).toMatch(/^local Pleo listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[2]).toBe("getting the run's tokens…");
    expect(lines[3]).toBe('starting Newman…');
    expect(run.firstErr).toBeLessThan(run.firstOut);
    expect(run.stdout).toMatch(/pleo-postman test: .*: passed/);
  }, 60_000);

  it('issue 19 item 7: --parallel says once that it starts its runners, not once per runner', async () => {
    const run = await timed(['test', '--spec', MINIMAL_SPEC, '--parallel', '3', '--report-dir', tempDir()]);
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('starting'));
    expect(lines).toEqual([
      'starting the local Pleo (mock)…',
      "starting 3 Newman runners at once, sharing the run's tokens…",
    ]);
  }, 60_000);

  it("issue 19 item 3: --runner postman-cli says what it is doing before its silence, and drops the CLI's login notice", async () => {
    const run = await timed(['test', '--runner', 'postman-cli', '--spec', MINIMAL_SPEC, '--report-dir', tempDir()]);
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('starting the local Pleo (mock)…');
    expect(lines[1]).toMatch(/^local Pleo listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[2]).toMatch(
      /^starting the Postman CLI \(offline, never logged in, nothing published\); it prints nothing until the run is over/,
    );
    expect(run.firstErr).toBeLessThan(run.firstOut);
    expect(run.stdout).not.toContain('No authorization data found');
    expect(run.stdout).not.toContain('postman login');
    expect(run.stdout.startsWith('Running your collection...')).toBe(true);
    expect(run.stdout).toMatch(/pleo-postman test: .*: passed/);
  }, 120_000);
});
