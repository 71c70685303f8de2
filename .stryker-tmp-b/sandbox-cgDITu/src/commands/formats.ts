// @ts-nocheck
import { ERROR_CODES, UserError } from '../errors.js';
import { FORMATS, type Format } from '../generate/index.js';

/** `--format v2.1,v3` → the formats to write (default both); an unknown one names the allowed values. */
export function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...FORMATS];
  const given = value.split(/[\s,]+/).filter((f) => f.length > 0);
  const unknown = given.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || given.length === 0) {
    throw new UserError(
      `--format: ${given.length === 0 ? 'name at least one format' : `unknown format ${unknown.map((f) => `"${f}"`).join(', ')}`}; use ${FORMATS.join(', ')} or both, comma-separated`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
  return FORMATS.filter((f) => given.includes(f));
}
