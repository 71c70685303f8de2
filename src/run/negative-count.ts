import { NEGATIVE_TEST_PREFIX } from '../generate/index.js';

/** A negative case's status assertion (`negative: POST /v1/vendors without required name → 400`): one per case. */
const CASE_STATUS = / → \d{3}$/;

/** How many negative cases ran: their status assertions, whatever the outcome (the Negative folder, src/generate/negative). */
export function countNegativeCases(assertionNames: Iterable<string>): number {
  let cases = 0;
  for (const name of assertionNames) if (name.startsWith(NEGATIVE_TEST_PREFIX) && CASE_STATUS.test(name)) cases += 1;
  return cases;
}
