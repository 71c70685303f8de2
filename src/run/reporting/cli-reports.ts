import type { CliAssertion } from '../runners/postman-cli-output.js';
import type { RunSummary } from './summary.js';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); // attributes are double-quoted: an apostrophe stays as it is, as in Newman's

/**
 * A JUnit XML report of a Postman CLI run, one `<testsuite>` per request (`Folder / Request`), one
 * `<testcase>` per assertion, as Newman's junit reporter groups them, so a CI server shows both the same.
 * @see [JUnit XML as CI servers read it](https://github.com/testmoapp/junitxml)
 */
export function junitReport(title: string, assertions: readonly CliAssertion[], durationMs: number): string {
  const suites = new Map<string, CliAssertion[]>();
  for (const a of assertions) suites.set(a.item, [...(suites.get(a.item) ?? []), a]);
  const count = (list: readonly CliAssertion[], outcome: CliAssertion['outcome']) =>
    list.filter((a) => a.outcome === outcome).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(title)}" tests="${assertions.length}" failures="${count(assertions, 'failed')}" skipped="${count(assertions, 'skipped')}" time="${(durationMs / 1000).toFixed(3)}">`,
  ];
  for (const [item, list] of suites) {
    lines.push(
      `  <testsuite name="${xml(item)}" tests="${list.length}" failures="${count(list, 'failed')}" skipped="${count(list, 'skipped')}">`,
    );
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
