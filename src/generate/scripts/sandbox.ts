import { readFileSync } from 'node:fs';
import { refreshPathOf, tokenPathsOf, type AuthSettings } from '../../description/index.js';
import { LOCAL_CALLBACK_PATH } from '../../shared/local-pleo.js';
import {
  CONTRACT_LIB_VARIABLE,
  FAILED_REFRESH_VARIABLE,
  NARROW_TOKEN_VARIABLE,
  NEGATIVE_FOLDER_NAME,
  NEGATIVE_TESTS_VARIABLE,
  TOKEN_BODY_VARIABLE,
  TOKEN_FAILURE_VARIABLE,
  TOKEN_TRIED_VARIABLE,
  HARNESS_TOKENS_VARIABLE,
  PRODUCTION_VARIABLE,
} from './variables.js';

/**
 * The Postman sandbox code, read as text from the ES5 files in src/generate/sandbox/ (the build
 * copies them to dist/generate/sandbox/). Each file is a plain script: function declarations, or
 * (token-main.js, token-item*.js, security-*.js) the body of the function its generated script wraps it in.
 *
 * Two mechanisms carry values from TypeScript into them:
 * - defines: the identifiers of {@link SANDBOX_DEFINES} (variable names, a folder's name) are replaced by their value
 *   as a single-quoted string, as a bundler's `define` would; tests load the files unchanged, with
 *   the same names as globals;
 * - endpoint defines: AUTHORIZE_PATH, TOKEN_PATH and REFRESH_PATH, the description's endpoint paths
 *   (auth-endpoints.ts), quoted as the defines are, and TOKEN_PATHS, the token and refresh paths as an
 *   array literal (one path when they are the same); a file that uses one is shipped only for a
 *   description's auth ({@link endpointDefines});
 * - preambles: `var NAME = value;` lines that the generated script puts before the files (token.ts,
 *   security.ts), for values that depend on the description.
 * A file's leading block comments (its `/* global *\/` and `/* exported *\/` lint directives and its
 * documentation) are its header and are not shipped.
 */
export const SANDBOX_FILES = [
  'contract.js',
  'schema-errors.js',
  'validate.js',
  'read-path.js',
  'write-guard.js',
  'token-request.js',
  'token-store.js',
  'token-refresh.js',
  'token-authorization-code.js',
  'token-main.js',
  'token-item.js',
  'token-item-response.js',
  'security-narrow.js',
  'security-narrow-response.js',
  'security-probe.js',
  'negative.js',
  'negative-case.js',
  'negative-guard.js',
] as const;

export type SandboxFile = (typeof SANDBOX_FILES)[number];

/** Identifiers in the sandbox files that stand for a variable name (or the mock's callback path), replaced by `'value'`. */
export const SANDBOX_DEFINES: Readonly<Record<string, string>> = {
  LOCAL_CALLBACK_PATH,
  CONTRACT_LIB_VARIABLE,
  FAILED_REFRESH_VARIABLE,
  NARROW_TOKEN_VARIABLE,
  NEGATIVE_FOLDER_NAME,
  NEGATIVE_TESTS_VARIABLE,
  TOKEN_BODY_VARIABLE,
  TOKEN_FAILURE_VARIABLE,
  TOKEN_TRIED_VARIABLE,
  HARNESS_TOKENS_VARIABLE,
  PRODUCTION_VARIABLE,
};

/** The paths of a description's OAuth 2.0 endpoints, as the sandbox files need them. */
export type EndpointPaths = Pick<AuthSettings, 'authorizePath' | 'tokenPath' | 'refreshPath'>;

/** The endpoint defines of a description: its paths (REFRESH_PATH is the token path unless it has a refresh path of its own). */
export const endpointDefines = (paths: EndpointPaths): Readonly<Record<string, string | string[]>> => ({
  AUTHORIZE_PATH: paths.authorizePath,
  TOKEN_PATH: paths.tokenPath,
  REFRESH_PATH: refreshPathOf(paths),
  TOKEN_PATHS: tokenPathsOf(paths),
});

const ENDPOINT_DEFINE = /\b(?:AUTHORIZE_PATH|TOKEN_PATHS|TOKEN_PATH|REFRESH_PATH)\b/g;
const quoted = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;

/** Where the sandbox files are, next to this module's folder in src/ and in dist/ alike. */
export const SANDBOX_DIR = new URL('../sandbox/', import.meta.url);

const HEADER = /^(?:\s*\/\*[\s\S]*?\*\/)*\s*/;
const DEFINE = new RegExp(`\\b(?:${Object.keys(SANDBOX_DEFINES).join('|')})\\b`, 'g');
const cache = new Map<SandboxFile, string>();

/** A file's text, header removed, the fixed defines replaced, no trailing newline. */
function sharedSource(file: SandboxFile): string {
  let source = cache.get(file);
  if (source === undefined) {
    const text = readFileSync(new URL(file, SANDBOX_DIR), 'utf8').replace(/\r\n/g, '\n');
    source = text
      .replace(HEADER, '')
      .replace(/\n+$/, '')
      .replace(DEFINE, (name) => `'${SANDBOX_DEFINES[name]}'`);
    cache.set(file, source);
  }
  return source;
}

/**
 * The shipped text of one sandbox file: header removed, defines replaced, no trailing newline. A file
 * that names an endpoint (token-request.js, …) needs the description's paths.
 */
export function sandboxSource(file: SandboxFile, paths?: EndpointPaths): string {
  const source = sharedSource(file);
  if (source.search(ENDPOINT_DEFINE) < 0) return source;
  if (!paths) throw new Error(`${file} names the OAuth 2.0 endpoints: give the description's paths`);
  const defines = endpointDefines(paths);
  return source.replace(ENDPOINT_DEFINE, (name) => {
    const value = defines[name]!;
    return Array.isArray(value) ? `[${value.map(quoted).join(', ')}]` : quoted(value);
  });
}

/** Several sandbox files, one after another (the description's endpoint paths for those that name them). */
export const sandboxSources = (paths: EndpointPaths | undefined, ...files: SandboxFile[]): string =>
  files.map((file) => sandboxSource(file, paths)).join('\n');
