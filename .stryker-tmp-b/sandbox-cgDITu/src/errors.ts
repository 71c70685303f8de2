/** Stable codes for errors the user can act on. */
// @ts-nocheck

export const ERROR_CODES = {
  SPEC_INVALID: 'SPEC_INVALID',
  SPEC_NOT_FOUND: 'SPEC_NOT_FOUND',
  OUTPUT_STALE: 'OUTPUT_STALE',
  OUTPUT_UNWRITABLE: 'OUTPUT_UNWRITABLE',
  OPTION_INVALID: 'OPTION_INVALID',
  MOCK_PORT_IN_USE: 'MOCK_PORT_IN_USE',
  RUN_FAILED: 'RUN_FAILED',
  CREDENTIALS_MISSING: 'CREDENTIALS_MISSING',
  TOKEN_FILE_LOCKED: 'TOKEN_FILE_LOCKED',
  REFRESH_TOKEN_NOWHERE: 'REFRESH_TOKEN_NOWHERE',
  REFRESH_TOKEN_UNSAVED: 'REFRESH_TOKEN_UNSAVED',
  LOGIN_DENIED: 'LOGIN_DENIED',
  LOGIN_STATE_MISMATCH: 'LOGIN_STATE_MISMATCH',
  LOGIN_TIMEOUT: 'LOGIN_TIMEOUT',
  LOGIN_PORT_IN_USE: 'LOGIN_PORT_IN_USE',
  LOGIN_FAILED: 'LOGIN_FAILED',
  SERVER_UNREACHABLE: 'SERVER_UNREACHABLE',
  IMPORT_FAILED: 'IMPORT_FAILED',
  IMPORT_DRIFT: 'IMPORT_DRIFT',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** An error caused by the user's input: the CLI prints its message only and exits 1. */
export class UserError extends Error {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
    this.code = code;
  }
}
