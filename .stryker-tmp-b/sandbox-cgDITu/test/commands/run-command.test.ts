// @ts-nocheck
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand, type Io } from '../../src/commands/run-command.js';
import { ERROR_CODES, UserError } from '../../src/errors.js';

function capture(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(`out: ${l}`), err: (l) => lines.push(`err: ${l}`) };
}

describe('runCommand', () => {
  afterEach(() => {
    process.exitCode = 0;
  });

  it.each([
    ['a handler result', async (): Promise<number> => 3, 3, []],
    ['no result', async (): Promise<void> => undefined, 0, []],
    [
      'a user error: its message only, exit 1',
      async (): Promise<void> => {
        throw new UserError('bad flag', ERROR_CODES.OPTION_INVALID);
      },
      1,
      ['err: error: bad flag'],
    ],
  ] as const)('%s', async (_name, handler, code, lines) => {
    const io = capture();
    await runCommand(handler as () => Promise<number | undefined>, io)({});
    expect(process.exitCode).toBe(code);
    expect(io.lines).toEqual(lines);
  });

  it('a bug: "please report" with the stack, exit 2', async () => {
    const io = capture();
    await runCommand(async () => {
      throw new TypeError('boom');
    }, io)({});
    expect(process.exitCode).toBe(2);
    expect(io.lines[0]).toMatch(/^err: unexpected error, please report it: TypeError: boom\n\s+at /);
  });
});
