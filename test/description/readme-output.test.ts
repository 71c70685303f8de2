import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateSpec } from '../../src/description/index.js';
import { formatSummaryLine, type RunSummary } from '../../src/run/index.js';
import { formatTokenStepFailure } from '../../src/run/tokens/token-step.js';

const README = readFileSync('README.md', 'utf8');
const EXAMPLE = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(README)?.[1] ?? '';

/** The README's `validate --spec my-pleo.yaml` outputs, one per `$` line. */
const validateOutputs = (): string[] => {
  const block = /```text\n(\$ npx pleo-postman validate --spec my-pleo\.yaml\n[\s\S]*?)```/.exec(README)?.[1] ?? '';
  return block
    .split('$ npx pleo-postman validate --spec my-pleo.yaml\n')
    .filter((part) => part.length > 0)
    .map((part) => part.trimEnd());
};

function printed(text: string): string {
  const result = validateSpec(text, 'my-pleo.yaml');
  const n = result.problems.length;
  return `error: my-pleo.yaml: ${n} problem${n === 1 ? '' : 's'}\n${formatProblems(result.problems, 'my-pleo.yaml', text)}`;
}

describe("the README's examples are today's real output", () => {
  it('issue 8 item 7: the YAML syntax error examples (a wrong indent, a duplicate key) are what validate prints', () => {
    const indent = EXAMPLE.replace('        method: GET\n', '         method: GET\n');
    const duplicate = EXAMPLE.replace(
      '        scopes: [vendors:read]\n',
      '        scopes: [vendors:read]\n        method: PUT\n',
    );
    expect(indent).not.toBe(EXAMPLE);
    expect(duplicate).not.toBe(EXAMPLE);
    expect(validateOutputs()).toEqual([printed(indent), printed(duplicate)]);
  });

  it('issue 8 items 1 and 3: the summary and token-step lines have the shape the code prints', () => {
    const base: RunSummary = {
      ok: true,
      requests: { total: 360, failed: 0 },
      negativeCases: 256,
      assertions: { total: 924, passed: 924, failed: 0, skipped: 0 },
      failures: [],
      durationMs: 8_800,
      skippedWrites: [],
      reportFiles: [],
    };
    expect(README).toContain(`pleo-postman test: ${formatSummaryLine(base)}\n`);
    const failed: RunSummary = {
      ...base,
      ok: false,
      requests: { total: 3, failed: 3 },
      negativeCases: 0,
      assertions: { total: 17, passed: 0, failed: 7, skipped: 10 },
      durationMs: 500,
    };
    const lines = formatTokenStepFailure({
      reason:
        'token endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED), tried 3 times; nothing reached the token endpoint: check authServerUrl and the network; the refresh token is unspent',
      notSent: 7,
    });
    expect(README).toContain([...lines, `pleo-postman test: ${formatSummaryLine(failed)}`].join('\n'));
  });
});
