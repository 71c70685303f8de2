import { readFileSync } from 'node:fs';
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

/** Where the sandbox files are, next to this module's folder in src/ and in dist/ alike. */
export const SANDBOX_DIR = new URL('../sandbox/', import.meta.url);

const HEADER = /^(?:\s*\/\*[\s\S]*?\*\/)*\s*/;
const DEFINE = new RegExp(`\\b(?:${Object.keys(SANDBOX_DEFINES).join('|')})\\b`, 'g');
const cache = new Map<SandboxFile, string>();

/** The shipped text of one sandbox file: header removed, defines replaced, no trailing newline. */
export function sandboxSource(file: SandboxFile): string {
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

/** Several sandbox files, one after another. */
export const sandboxSources = (...files: SandboxFile[]): string => files.map(sandboxSource).join('\n');
