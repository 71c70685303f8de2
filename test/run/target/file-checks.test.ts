import { constants, rmdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertWritableFile, type FileSystemChecks } from '../../../src/run/target/file-checks.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * A file an option names (--refresh-token-file) is checked before anything is locked or sent. The
 * folder cases that need no special rights are in target.test.ts; these reach a folder the user may not
 * write in, which root (who runs the tests) has none of, through the check's file-system calls.
 */
const dir = tempDir('pleo-file-checks-');
afterAll(() => rmdirSync(dir));

const errno = (code: string | undefined) => Object.assign(new Error(`fake ${code ?? 'failure'}`), { code });

/** The real stat, and an access that refuses with `error` and records what it was asked. */
function refusingAccess(error: Error) {
  const asked: Array<[string, number | undefined]> = [];
  const fs: FileSystemChecks = {
    stat,
    access: async (path, mode) => {
      asked.push([String(path), mode]);
      throw error;
    },
  };
  return { fs, asked };
}

describe('assertWritableFile: a folder the user may not write in', () => {
  it('a file in a folder without write permission is refused, naming the option, the folder and the code', async () => {
    const { fs, asked } = refusingAccess(errno('EACCES'));
    const path = join(dir, 'refresh.json');
    const refusal = assertWritableFile(path, '--refresh-token-file', fs);
    await expect(refusal).rejects.toMatchObject({
      code: 'OPTION_INVALID',
      message: `--refresh-token-file "${path}": cannot write in ${dir} (EACCES)`,
      cause: { code: 'EACCES' },
    });
    expect(asked).toEqual([[dir, constants.W_OK]]);
  });

  it('a refusal without an error code is reported as unreadable', async () => {
    const { fs } = refusingAccess(errno(undefined));
    const path = join(dir, 'refresh.json');
    await expect(assertWritableFile(path, '--refresh-token-file', fs)).rejects.toMatchObject({
      message: `--refresh-token-file "${path}": cannot write in ${dir} (unreadable)`,
    });
  });

  it('a writable folder is asked about once and accepted', async () => {
    const asked: string[] = [];
    const fs: FileSystemChecks = {
      stat,
      access: async (path) => {
        asked.push(String(path));
      },
    };
    await expect(assertWritableFile(join(dir, 'new.json'), '--report', fs)).resolves.toBeUndefined();
    expect(asked).toEqual([dir]);
  });
});

describe('assertWritableFile: a missing folder', () => {
  it('keeps the file system’s error as the cause', async () => {
    const path = join(dir, 'nope', 'refresh.json');
    await expect(assertWritableFile(path, '--refresh-token-file')).rejects.toMatchObject({
      cause: { code: 'ENOENT', path: join(dir, 'nope') },
    });
  });
});
