import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateSpec } from '../../src/description/index.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const BASE = readFileSync(MINIMAL_SPEC, 'utf8');
const lines = BASE.split('\n');
const lineOf = (text: string) => lines.indexOf(text) + 1;

/** The minimal description with line `n` (1-based) replaced. */
function withLine(line: string, replacement: string): { text: string; line: number } {
  const n = lineOf(line);
  expect(n, `fixture has the line ${JSON.stringify(line)}`).toBeGreaterThan(0);
  return { text: [...lines.slice(0, n - 1), replacement, ...lines.slice(n)].join('\n'), line: n };
}

function printed(text: string): { count: number; output: string } {
  const result = validateSpec(text, 'spec.yaml');
  expect(result.spec).toBeUndefined();
  return { count: result.problems.length, output: formatProblems(result.problems, 'spec.yaml', text) };
}

describe('YAML syntax errors: the first one, at its own line, with a hint', () => {
  it('issue 8 item 7: one wrong indent on method: is one problem at that line, with a hint', () => {
    const { text, line } = withLine('        method: POST', '         method: POST');
    const { count, output } = printed(text);
    expect(count).toBe(1);
    expect(output).toContain(`spec.yaml:${line}:10 error: YAML syntax error: bad indentation of a mapping entry`);
    expect(output).toContain('→ keys of one mapping start at the same column');
  });

  it('issue 8 item 7: a dedented path: is one problem, not a cascade', () => {
    const { text, line } = withLine('        path: /v1/vendors', '      path: /v1/vendors');
    const { count, output } = printed(text);
    expect(count).toBe(1);
    expect(output).toMatch(new RegExp(`^spec\\.yaml:${line}:7 error: YAML syntax error: bad indentation`));
    expect(output).toContain('→ keys of one mapping start at the same column');
  });

  it('issue 8 item 7: one tab is one problem that says to indent with spaces', () => {
    const { text, line } = withLine('        path: /v1/vendors', '\t      path: /v1/vendors');
    const { count, output } = printed(text);
    expect(count).toBe(1);
    expect(output).toMatch(new RegExp(`^spec\\.yaml:${line}:1 error: YAML syntax error: tab characters`));
    expect(output).toContain('→ indent with spaces, not tabs');
  });

  it('issue 8 item 7: a duplicate key is named, with the line where it first appeared', () => {
    const first = lineOf('        method: POST');
    const { text } = withLine('        path: /v1/vendors', '        path: /v1/vendors\n        method: GET');
    const { count, output } = printed(text);
    expect(count).toBe(1);
    expect(output).toContain(
      `spec.yaml:${first + 2}:9 error: YAML syntax error: duplicate key "method" (first at line ${first})`,
    );
    expect(output).toContain(`→ "method" may appear once in its mapping: keep one of the two (line ${first}`);
  });

  it('issue 8 item 7: a duplicate key in a description with aliases (read by the yaml package) is named too', () => {
    const { text } = withLine('  version: 1.0.0', '  version: &v 1.0.0\n  version: *v');
    const { count, output } = printed(text);
    expect(count).toBe(1);
    expect(output).toContain('duplicate key "version" (first at line 4)');
  });

  it('issue 8 item 7: a missing required key has a → hint', () => {
    const { text } = withLine('  version: 1.0.0', '');
    const { output } = printed(text);
    expect(output).toContain('error: missing required key "version" (at #/info)');
    expect(output).toContain('→ add "version:" to #/info, as in the README\'s example description');
  });
});

describe('issue 19 item 6: the common YAML traps are named, with the quoted fix', () => {
  it('an unquoted ": " inside a value', () => {
    const { text, line } = withLine(
      '        description: Creates a vendor.',
      '        description: Creates a vendor: fast',
    );
    const { count, output } = printed(text);
    expect(count).toBe(1);
    expect(output).toContain(
      `spec.yaml:${line}:38 error: YAML syntax error: the value of "description" contains ": " (a colon and a space), which YAML reads as the start of another key`,
    );
    expect(output).toContain('→ put the value in quotes: description: "Creates a vendor: fast"');
    expect(output).not.toContain('keys of one mapping start at the same column');
  });

  it.each([
    ['@vendors of a company', '"@"'],
    ['`vendors` of a company', 'a backtick'],
  ])('a value starting with %s', (value, named) => {
    const { text, line } = withLine('    description: Vendors of a company.', `    description: ${value}`);
    const { count, output } = printed(text);
    expect(count).toBe(1);
    expect(output).toContain(
      `spec.yaml:${line}:18 error: YAML syntax error: the value of "description" starts with ${named}, which YAML reserves`,
    );
    expect(output).toContain(`put it in quotes, description: ${JSON.stringify(value)}`);
  });

  it('a quoted value with ": " and a comment with ": " are no trap', () => {
    const quoted = withLine(
      '    description: Vendors of a company.',
      '    description: "Vendors: of a company" # see: x',
    );
    expect(validateSpec(quoted.text, 'spec.yaml').problems.filter((p) => p.code === 'YAML_SYNTAX')).toEqual([]);
  });
});

it('issue 19 item 6: a tab after the "-" of a list entry is named, not taken for an indentation problem', () => {
  const { text, line } = withLine('      - name: Get vendor', '      -\tname: Get vendor');
  const { count, output } = printed(text);
  expect(count).toBe(1);
  expect(output).toContain(`spec.yaml:${line}:8 error: YAML syntax error: a tab after the "-" of a list entry`);
  expect(output).toContain('put a space after the "-"');
});
