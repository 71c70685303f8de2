import { NEGATIVE_FOLDER_NAME, NEGATIVE_TEST_PREFIX } from '../../generate/index.js';

/** A negative case's status assertion (`negative: POST /v1/vendors without required name → 400`): one per case. */
const CASE_STATUS = / → \d{3}$/;

const isCaseStatus = (name: string) => name.startsWith(NEGATIVE_TEST_PREFIX) && CASE_STATUS.test(name);

/** How many negative cases ran: their status assertions, whatever the outcome (the Negative folder, src/generate/negative). */
export function countNegativeCases(assertionNames: Iterable<string>): number {
  let cases = 0;
  for (const name of assertionNames) if (isCaseStatus(name)) cases += 1;
  return cases;
}

/** The cases among these assertions, as labels: `POST /v1/vendors without required name → 400`. */
export function negativeCaseLabels(assertionNames: Iterable<string>): string[] {
  return [...assertionNames].filter(isCaseStatus).map((name) => name.slice(NEGATIVE_TEST_PREFIX.length));
}

/**
 * The collection without its Negative folder: a production run never sends a negative case (each is
 * a request that must fail; an API that wrongly accepts one changes real data), even with allowWrites.
 * The collection's own guard (negative-guard.js) does the same for plain Newman. Pure.
 */
export function withoutNegativeFolder<T extends { item?: unknown[] }>(collection: T): T {
  const items = (collection.item ?? []) as Array<{ name?: string }>;
  return { ...collection, item: items.filter((item) => item.name !== NEGATIVE_FOLDER_NAME) };
}
