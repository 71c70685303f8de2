// @ts-nocheck
import { ERROR_CODES, UserError } from '../errors.js';
import { CALLBACK_URIS, type ApiDescription, type CallbackVariant } from '../description/index.js';

/** `--scopes "users:read vendors:read"` → the list; every scope must be in the catalogue. */
export function parseScopes(spec: ApiDescription, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const scopes = value.split(/[\s,]+/).filter((s) => s.length > 0);
  const unknown = scopes.filter((s) => !(s in spec.scopes));
  if (unknown.length > 0) {
    throw new UserError(
      `--scopes: unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s}"`).join(', ')}; the description knows: ${Object.keys(spec.scopes).join(' ')}`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
  return scopes;
}

/** `--callback desktop|web` overrides the description's Postman callback. */
export function withCallback(spec: ApiDescription, callback: CallbackVariant | undefined): ApiDescription {
  if (callback === undefined) return spec;
  return { ...spec, auth: { ...spec.auth, callback, redirectUri: CALLBACK_URIS[callback] } };
}

/** Where a tailored collection (`--scopes`, `--callback`) goes unless `--out` says: never over the committed files. */
export const TAILORED_OUT = 'tailored';

/** `--out`, or `.` for the description's own files, or `tailored` when `--scopes` or `--callback` tailors them. */
export function outputRoot(args: {
  out?: string | undefined;
  scopes?: string | undefined;
  callback?: string | undefined;
}): string {
  if (args.out !== undefined) return args.out;
  return args.scopes !== undefined || args.callback !== undefined ? TAILORED_OUT : '.';
}
