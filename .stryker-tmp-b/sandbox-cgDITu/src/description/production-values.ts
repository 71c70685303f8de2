// @ts-nocheck
import { pointerOf, type Problem } from './problem.js';
import type { RawDescription } from './raw.js';

/**
 * A production variable with staging's value is a warning: production values a user must supply
 * (their own company's id, …) are left empty, like the secrets, so nobody calls production with
 * staging's example data by mistake.
 */
export function checkProductionValues(raw: RawDescription): Problem[] {
  const staging = raw.environments.staging.variables ?? {};
  return Object.entries(raw.environments.production.variables ?? {})
    .filter(([key, value]) => value !== '' && staging[key] === value)
    .map(
      ([key]): Problem => ({
        severity: 'warning',
        code: 'PRODUCTION_VALUE_FROM_STAGING',
        pointer: pointerOf('environments', 'production', 'variables', key),
        message: `production variable "${key}" has staging's value`,
        hint: `leave it empty (${key}: "") so each user fills in their own production value, as for clientId`,
      }),
    );
}
