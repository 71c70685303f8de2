// @ts-nocheck
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ERROR_CODES, UserError } from '../../errors.js';

/** The platform packages that the npm package `postman-cli` installs its binary from. */
const PLATFORM_PACKAGES: Record<string, string> = {
  'darwin-arm64': '@postman/pm-bin-macos-arm64',
  'darwin-x64': '@postman/pm-bin-macos-x64',
  'win32-x64': '@postman/pm-bin-windows-x64',
  'linux-x64': '@postman/pm-bin-linux-x64',
  'linux-arm64': '@postman/pm-bin-linux-arm64',
};

const MISSING =
  'the Postman CLI is not installed: run "npm install --save-dev postman-cli" (it installs the binary for this platform), or set POSTMAN_CLI to the path of a postman binary';

/**
 * The Postman CLI binary: `POSTMAN_CLI` if set, else the platform package that `postman-cli`
 * installed (resolved the way its own wrapper does). Spawning the binary itself, not the Node
 * wrapper, lets a caller stop it and read its exit code.
 */
export function locatePostmanCli(env: Record<string, string | undefined> = process.env): string {
  const explicit = env.POSTMAN_CLI;
  if (explicit) {
    if (!existsSync(explicit)) throw new UserError(`POSTMAN_CLI: no file at "${explicit}"`, ERROR_CODES.OPTION_INVALID);
    return explicit;
  }
  const name = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`];
  if (!name)
    throw new UserError(
      `${MISSING} (no Postman CLI package for ${process.platform}-${process.arch})`,
      ERROR_CODES.OPTION_INVALID,
    );
  try {
    return createRequire(import.meta.url).resolve(
      `${name}/bin/${process.platform === 'win32' ? 'postman.exe' : 'postman'}`,
    );
  } catch (cause) {
    throw new UserError(MISSING, ERROR_CODES.OPTION_INVALID, { cause });
  }
}
