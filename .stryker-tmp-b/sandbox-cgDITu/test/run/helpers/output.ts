// @ts-nocheck
import { vi } from 'vitest';
import type { Io } from '../../../src/commands/run-command.js';

/**
 * Captures everything written to stdout and stderr (Newman's cli reporter writes there directly)
 * plus an Io's lines, until `restore()`.
 */
export function captureOutput() {
  const chunks: string[] = [];
  const grab = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(grab as never);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(grab as never);
  const io: Io = { out: (line) => chunks.push(`${line}\n`), err: (line) => chunks.push(`${line}\n`) };
  return {
    io,
    text: () => chunks.join(''),
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
}

/** Runs `run` with its output captured: its result and everything it printed. */
export async function quietly<T>(run: (io: Io) => Promise<T>): Promise<{ result: T; output: string }> {
  const output = captureOutput();
  try {
    return { result: await run(output.io), output: output.text() };
  } finally {
    output.restore();
  }
}
