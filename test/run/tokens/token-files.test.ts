import * as nodeFs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  lockRefreshTokenFile,
  readRefreshTokenFile,
  resolveCredentials,
  writeRefreshTokenFile,
} from '../../../src/run/tokens/credentials.js';
import {
  assertWritableFolder,
  type StoreFs,
  writeRefreshTokenFileSync,
} from '../../../src/run/tokens/refresh-token-store.js';
import { tempDir } from '../../helpers/temp.js';

/** Where refresh tokens are read from and stored: owner-only files, written whole or not at all. */
const root = tempDir('pleo-token-files-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `case-${++n}`);
const mode = (path: string) => statSync(path).mode & 0o777;

describe('writeRefreshTokenFileSync: a rotated token is stored at once, owner-only', () => {
  it('writes the token on one line (0600) in a folder it creates 0700, leaving no temporary file', () => {
    const dir = join(freshDir(), 'tokens');
    const file = join(dir, 'staging.refresh-token');
    writeRefreshTokenFileSync(file, 'rt-1');
    expect(readFileSync(file, 'utf8')).toBe('rt-1\n');
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(readdirSync(dir)).toEqual(['staging.refresh-token']);
  });

  it('replaces the token before it, and the file stays 0600 even when the old one was readable by others', () => {
    const dir = freshDir();
    mkdirSync(dir);
    const file = join(dir, 'token');
    writeFileSync(file, 'old\n', { mode: 0o644 });
    writeRefreshTokenFileSync(file, 'rt-2');
    expect(readFileSync(file, 'utf8')).toBe('rt-2\n');
    expect(mode(file)).toBe(0o600);
  });

  it('a target it cannot replace (a folder) is an error, and no temporary file is left behind', () => {
    const dir = freshDir();
    const file = join(dir, 'token');
    mkdirSync(join(file, 'inside'), { recursive: true });
    expect(() => writeRefreshTokenFileSync(file, 'rt-3')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['token']);
  });
});

/**
 * Node's file system, with every call the store makes written down as `open NAME FLAGS`, `write NAME`,
 * `fsync NAME`, `close NAME`, `rename FROM TO`, `unlink NAME` (names relative to `dir`, `.` for the
 * folder itself, the random part of the temporary name as `*`). `breaks` may answer a call with an
 * error, which is thrown instead of making it.
 */
function watchedFs(dir: string, breaks: (call: string) => Error | undefined = () => undefined) {
  const calls: string[] = [];
  const opened = new Map<number, string>();
  const name = (path: nodeFs.PathLike) => relative(dir, String(path)).replace(/\.[0-9a-f]{12}\.tmp$/, '.*.tmp') || '.';
  const call = (text: string) => {
    calls.push(text);
    const error = breaks(text);
    if (error) throw error;
  };
  const fs: StoreFs = {
    mkdirSync: nodeFs.mkdirSync,
    openSync: ((path: nodeFs.PathLike, flags: nodeFs.OpenMode, mode?: nodeFs.Mode) => {
      call(`open ${name(path)} ${String(flags)}`);
      const fd = nodeFs.openSync(path, flags, mode);
      opened.set(fd, name(path));
      return fd;
    }) as StoreFs['openSync'],
    writeSync: ((fd: number, data: string) => {
      call(`write ${opened.get(fd)}`);
      return nodeFs.writeSync(fd, data);
    }) as StoreFs['writeSync'],
    fsyncSync: (fd) => {
      call(`fsync ${opened.get(fd)}`);
      nodeFs.fsyncSync(fd);
    },
    closeSync: (fd) => {
      call(`close ${opened.get(fd)}`);
      nodeFs.closeSync(fd);
    },
    renameSync: (from, to) => {
      call(`rename ${name(from)} ${name(to)}`);
      nodeFs.renameSync(from, to);
    },
    unlinkSync: (path) => {
      call(`unlink ${name(path)}`);
      nodeFs.unlinkSync(path);
    },
  };
  return { fs, calls };
}

const failure = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeRefreshTokenFileSync: on disk before the run goes on, whole or not at all', () => {
  it('the token is fsynced before the rename, and the folder after it, so a power cut keeps the old or the new token', () => {
    const dir = freshDir();
    mkdirSync(dir);
    const { fs, calls } = watchedFs(dir);
    writeRefreshTokenFileSync(join(dir, 'token'), 'rt-1', fs);
    expect(readFileSync(join(dir, 'token'), 'utf8')).toBe('rt-1\n');
    expect(calls).toEqual([
      'open token.*.tmp wx',
      'write token.*.tmp',
      'fsync token.*.tmp',
      'close token.*.tmp',
      'rename token.*.tmp token',
      'open . r',
      'fsync .',
      'close .',
    ]);
  });

  it('a platform that cannot open a folder (Windows) still stores the token, without the folder fsync', () => {
    const dir = freshDir();
    mkdirSync(dir);
    const { fs, calls } = watchedFs(dir, (call) => (call === 'open . r' ? failure('EISDIR') : undefined));
    writeRefreshTokenFileSync(join(dir, 'token'), 'rt-1', fs);
    expect(readFileSync(join(dir, 'token'), 'utf8')).toBe('rt-1\n');
    expect(calls.slice(-2)).toEqual(['rename token.*.tmp token', 'open . r']);
  });

  it.each([
    ['write', 'ENOSPC'],
    ['fsync', 'EIO'],
  ])(
    'a disk that fails the %s of the new token (%s) keeps the old token, and no temporary file is left',
    (step, code) => {
      const dir = freshDir();
      mkdirSync(dir);
      const file = join(dir, 'token');
      writeFileSync(file, 'old\n');
      const { fs, calls } = watchedFs(dir, (call) => (call === `${step} token.*.tmp` ? failure(code) : undefined));
      expect(() => writeRefreshTokenFileSync(file, 'rt-new', fs)).toThrow(expect.objectContaining({ code }));
      expect(readFileSync(file, 'utf8')).toBe('old\n');
      expect(readdirSync(dir)).toEqual(['token']);
      expect(calls.slice(-2)).toEqual(['close token.*.tmp', 'unlink token.*.tmp']);
    },
  );
});

describe('assertWritableFolder: checked before the token is spent', () => {
  it('creates a missing folder 0700 and leaves nothing in it', () => {
    const dir = join(freshDir(), 'a', 'b');
    assertWritableFolder(join(dir, 'token'));
    expect(mode(dir)).toBe(0o700);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder that cannot be written is refused before anything is sent', () => {
    const dir = freshDir();
    mkdirSync(dir);
    // A file where the folder should be: refused for every user, root included.
    writeFileSync(join(dir, 'not-a-folder'), '');
    expect(() => assertWritableFolder(join(dir, 'not-a-folder', 'token'))).toThrow(/EEXIST|ENOTDIR/);
  });

  it('an existing token is not touched by the check', () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, 'token'), 'kept\n');
    assertWritableFolder(join(dir, 'token'));
    expect(readdirSync(dir)).toEqual(['token']);
    expect(readFileSync(join(dir, 'token'), 'utf8')).toBe('kept\n');
  });
});

describe('readRefreshTokenFile / writeRefreshTokenFile', () => {
  it('reads the token trimmed; a missing or blank file holds none', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, 'token'), '  rt-1 \n');
    writeFileSync(join(dir, 'blank'), ' \n');
    expect(await readRefreshTokenFile(join(dir, 'token'))).toBe('rt-1');
    expect(await readRefreshTokenFile(join(dir, 'blank'))).toBeUndefined();
    expect(await readRefreshTokenFile(join(dir, 'missing'))).toBeUndefined();
  });

  it('a file that exists but cannot be read is an error naming it, not "no token"', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'folder'), { recursive: true });
    await expect(readRefreshTokenFile(join(dir, 'folder'))).rejects.toMatchObject({
      code: 'OPTION_INVALID',
      message: `cannot read --refresh-token-file "${join(dir, 'folder')}": EISDIR`,
      cause: expect.objectContaining({ code: 'EISDIR' }),
    });
  });

  it('writes a token 0600 on one line, replacing the old one, with no temporary file left', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    const file = join(dir, 'token');
    writeFileSync(file, 'old\n', { mode: 0o644 });
    await writeRefreshTokenFile(file, 'rt-2');
    expect(readFileSync(file, 'utf8')).toBe('rt-2\n');
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['token']);
  });

  it('lockRefreshTokenFile holds FILE.lock until released', async () => {
    const dir = freshDir();
    const file = join(dir, 'token');
    const release = await lockRefreshTokenFile(file);
    expect(existsSync(`${file}.lock`)).toBe(true);
    await release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('resolveCredentials', () => {
  const full = { PLEO_CLIENT_ID: ' id ', PLEO_CLIENT_SECRET: ' secret ', PLEO_REFRESH_TOKEN: ' rt ' };

  it('takes the variables, trimmed, before the environment file and the token file', () => {
    expect(
      resolveCredentials(full, {
        fromEnvironmentFile: { clientId: 'file-id', clientSecret: 'file-secret', refreshToken: 'file-rt' },
        storedRefreshToken: 'stored',
      }),
    ).toEqual({ clientId: 'id', clientSecret: 'secret', refreshToken: 'rt' });
  });

  it('falls back to the environment file, then to the stored token', () => {
    expect(
      resolveCredentials(
        { PLEO_CLIENT_ID: '  ' },
        { fromEnvironmentFile: { clientId: ' file-id ', clientSecret: 'file-secret' }, storedRefreshToken: ' stored ' },
      ),
    ).toEqual({ clientId: 'file-id', clientSecret: 'file-secret', refreshToken: 'stored' });
  });

  it('names every missing variable', () => {
    expect(() => resolveCredentials({ PLEO_CLIENT_SECRET: 's' })).toThrow(
      'missing credentials: set PLEO_CLIENT_ID, PLEO_REFRESH_TOKEN in the environment (the refresh token may also come from --refresh-token-file or from pleo-postman login)',
    );
    expect(() => resolveCredentials({})).toThrow(
      expect.objectContaining({
        code: 'CREDENTIALS_MISSING',
        message: expect.stringContaining('set PLEO_CLIENT_ID, PLEO_CLIENT_SECRET, PLEO_REFRESH_TOKEN in'),
      }),
    );
  });

  it('a loopback environment needs no refresh token, but still the client id and secret', () => {
    expect(
      resolveCredentials({ PLEO_CLIENT_ID: 'id', PLEO_CLIENT_SECRET: 's' }, { refreshTokenOptional: true }),
    ).toEqual({ clientId: 'id', clientSecret: 's', refreshToken: '' });
    expect(() => resolveCredentials({ PLEO_CLIENT_ID: 'id' }, { refreshTokenOptional: true })).toThrow(
      'set PLEO_CLIENT_SECRET in',
    );
    expect(() => resolveCredentials({ PLEO_CLIENT_SECRET: 's' }, { refreshTokenOptional: true })).toThrow(
      'set PLEO_CLIENT_ID in',
    );
  });
});
