// @ts-nocheck
import { ERROR_CODES, UserError } from '../../errors.js';

/** The runners `test` can run the suite with: Newman (the v2.1 collection) or the Postman CLI (the v3 folder). */
export const RUNNERS = ['newman', 'postman-cli'] as const;
export type RunnerName = (typeof RUNNERS)[number];

/** `--runner newman|postman-cli`; anything else names the allowed values. */
export function parseRunner(value: string | undefined): RunnerName {
  if (value === undefined) return 'newman';
  if ((RUNNERS as readonly string[]).includes(value)) return value as RunnerName;
  throw new UserError(
    `--runner: unknown runner "${value}"; choose ${RUNNERS.join(' or ')}`,
    ERROR_CODES.OPTION_INVALID,
  );
}
