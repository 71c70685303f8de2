import type { CliAssertion } from '../runners/postman-cli-output.js';
import { negativeCaseLabels } from './negative.js';
import type { RunSummary } from './summary.js';

/** The JUnit property that marks a negative case's testsuite; its value is the case (`POST /v1/vendors without required name → 400`). */
export const JUNIT_NEGATIVE_PROPERTY = 'negative case';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); // attributes are double-quoted: an apostrophe stays as it is, as in Newman's

/**
 * A JUnit XML report of a Postman CLI run, one `<testsuite>` per request (`Folder / Request`), one
 * `<testcase>` per assertion, as Newman's junit reporter groups them, so a CI server shows both the same.
 * The negative cases apart: `negativeCases="N"` on `<testsuites>` (beside `skipped`, which is not in
 * the old XSD either), and each case's testsuite has the property `negative case` (suite properties
 * are what every reader knows).
 * @see [JUnit XML as CI servers read it](https://github.com/testmoapp/junitxml)
 */
export function junitReport(title: string, assertions: readonly CliAssertion[], durationMs: number): string {
  const suites = new Map<string, CliAssertion[]>();
  for (const a of assertions) suites.set(a.item, [...(suites.get(a.item) ?? []), a]);
  const count = (list: readonly CliAssertion[], outcome: CliAssertion['outcome']) =>
    list.filter((a) => a.outcome === outcome).length;
  const negative = negativeCaseLabels(assertions.map((a) => a.name)).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(title)}" tests="${assertions.length}" failures="${count(assertions, 'failed')}" skipped="${count(assertions, 'skipped')}"${negative ? ` negativeCases="${negative}"` : ''} time="${(durationMs / 1000).toFixed(3)}">`,
  ];
  for (const [item, list] of suites) {
    lines.push(
      `  <testsuite name="${xml(item)}" tests="${list.length}" failures="${count(list, 'failed')}" skipped="${count(list, 'skipped')}">`,
    );
    const cases = negativeCaseLabels(list.map((a) => a.name));
    if (cases.length > 0) {
      lines.push(
        '    <properties>',
        ...cases.map((label) => `      <property name="${JUNIT_NEGATIVE_PROPERTY}" value="${xml(label)}"/>`),
        '    </properties>',
      );
    }
    for (const a of list) {
      const open = `    <testcase name="${xml(a.name)}" classname="${xml(item)}"`;
      if (a.outcome === 'passed') lines.push(`${open}/>`);
      else if (a.outcome === 'skipped') lines.push(`${open}>`, '      <skipped/>', '    </testcase>');
      else
        lines.push(
          `${open}>`,
          `      <failure type="AssertionError" message="${xml(a.message ?? '')}">${xml(a.message ?? '')}</failure>`,
          '    </testcase>',
        );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** The JSON report of a Postman CLI run: pleo-postman's summary and every assertion. */
export function jsonReport(summary: Omit<RunSummary, 'reportFiles'>, assertions: readonly CliAssertion[]): string {
  return `${JSON.stringify({ runner: 'postman-cli', summary, assertions }, null, 2)}\n`;
}
