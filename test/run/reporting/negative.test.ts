import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitReport } from '../../../src/run/reporting/cli-reports.js';
import { mergeJunitReports } from '../../../src/run/reporting/merge-reports.js';
import { countNegativeCases, withoutNegativeFolder } from '../../../src/run/reporting/negative.js';
import type { CliAssertion } from '../../../src/run/runners/postman-cli-output.js';

describe('the Negative folder in a run (src/run/reporting/negative.ts)', () => {
  it('counts a case once, by its status assertion, whatever its outcome', () => {
    expect(
      countNegativeCases([
        'negative: POST /v1/vendors without required name → 400',
        'negative: POST /v1/vendors without required name → Pleo error body {type, message}',
        'negative: GET /v1/vendors/{id} with unknown id 00000000-0000-4000-8000-000000000000 → 404',
        'negative: GET /v1/vendors/{id} with unknown id 00000000-0000-4000-8000-000000000000 → Pleo error body {type, message} (skipped: status 200)',
        'POST /v1/vendors → 201',
      ]),
    ).toBe(2);
  });

  it('is dropped from a collection, the rest untouched', () => {
    const collection = { info: { name: 'x' }, item: [{ name: 'Vendors' }, { name: 'Negative' }, { name: 'Security' }] };
    expect(withoutNegativeFolder(collection)).toEqual({
      info: { name: 'x' },
      item: [{ name: 'Vendors' }, { name: 'Security' }],
    });
    expect(collection.item).toHaveLength(3);
  });
});

const passed = (item: string, name: string): CliAssertion => ({ item, request: item, name, outcome: 'passed' });
const REQUIRED = 'Negative / Vendors: Create vendor without required name → 400';
const UNKNOWN = 'Negative / Vendors: Get vendor with unknown id → 404';
const RUN: CliAssertion[] = [
  passed('Vendors / Create vendor', 'POST /v1/vendors → 201'),
  passed(REQUIRED, 'negative: POST /v1/vendors without required name → 400'),
  passed(REQUIRED, 'negative: POST /v1/vendors without required name → Pleo error body {type, message}'),
  { ...passed(UNKNOWN, 'negative: GET /v1/vendors/{id} with unknown id → 404'), outcome: 'failed', message: 'got 200' },
];

type Suite = { name: string; properties?: { property: Array<{ name: string; value: string }> } };
const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => n === 'testsuite' || n === 'property',
  }).parse(xml) as { testsuites: { tests: string; negativeCases?: string; testsuite: Suite[] } };
const marked = (suites: Suite[]) =>
  suites.flatMap((s) => (s.properties?.property ?? []).map((p) => `${s.name}: ${p.name} = ${p.value}`));

// Issue 23 item 5: JUnit shows the negative cases apart, written by the harness for Newman and the
// Postman CLI alike (both pass their assertions to junitReport), and merged under --parallel.
describe('the negative cases in JUnit', () => {
  it('are counted on <testsuites> and marked by a property of their testsuite', () => {
    const xml = junitReport('Pleo', RUN, 1000);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { testsuites } = parse(xml);
    expect(testsuites.negativeCases).toBe('2');
    expect(testsuites.tests).toBe('4');
    expect(marked(testsuites.testsuite)).toEqual([
      `${REQUIRED}: negative case = POST /v1/vendors without required name → 400`,
      `${UNKNOWN}: negative case = GET /v1/vendors/{id} with unknown id → 404`,
    ]);
  });

  it('a run without negative cases has no count and no property', () => {
    const xml = junitReport('Pleo', RUN.slice(0, 1), 1000);
    expect(xml).not.toContain('negativeCases');
    expect(xml).not.toContain('<properties>');
  });

  it('are summed from the runners under --parallel, each suite kept with its property', () => {
    const merged = mergeJunitReports([junitReport('a', RUN.slice(0, 3), 10), junitReport('b', RUN.slice(3), 10)], {
      name: 'Pleo',
      folders: ['Vendors', 'Negative'],
      wallMs: 20,
    });
    expect(XMLValidator.validate(merged)).toBe(true);
    const { testsuites } = parse(merged);
    expect(testsuites.negativeCases).toBe('2');
    expect(marked(testsuites.testsuite)).toHaveLength(2);
    expect(
      mergeJunitReports([junitReport('a', RUN.slice(0, 1), 10)], { name: 'P', folders: [], wallMs: 1 }),
    ).not.toContain('negativeCases');
  });
});
