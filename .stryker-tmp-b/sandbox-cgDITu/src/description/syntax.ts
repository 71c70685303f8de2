// @ts-nocheck
import type { YAMLException } from 'js-yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import type { Problem } from './problem.js';

const INDENT_HINT =
  'keys of one mapping start at the same column, indented with spaces (two a level, as in collections/pleo-api.yaml); align this line with the keys around it';
const TAB_HINT = 'indent with spaces, not tabs: YAML forbids tabs in indentation';
const GENERIC_HINT =
  'check the indentation and quoting of this line and the one before it: values containing ": " or " #", or starting with [ { * & ! | > \' " %, need quotes';

/** Where a line's text starts (after its indentation), as an offset into `text`. */
function lineStart(text: string, line0: number): number {
  let offset = 0;
  for (let i = 0; i < line0; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return offset;
    offset = next + 1;
  }
  return offset;
}

function firstNonSpace(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ') i++;
  return i;
}

/** The earlier key in the same mapping as the duplicate key at `offset`: its name and offset. */
function firstOccurrence(doc: Document, offset: number): { key: string; offset: number } | undefined {
  const { isPair, isScalar, visit } = yamlPackage();
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const duplicate = map.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (!duplicate || !isScalar(duplicate.key)) return undefined;
      const key = String(duplicate.key.value);
      const first = map.items.find((pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key);
      const at = (first?.key as Node | undefined)?.range?.[0];
      if (at !== undefined && at !== offset) found = { key, offset: at };
      return visit.BREAK;
    },
  });
  return found;
}

function syntax(offset: number, message: string, hint: string): Problem {
  return {
    severity: 'error',
    code: 'YAML_SYNTAX',
    pointer: '',
    offset,
    message: `YAML syntax error: ${message}`,
    hint,
  };
}

function duplicateKey(doc: Document, lines: LineCounter, offset: number): Problem {
  const first = firstOccurrence(doc, offset);
  if (!first) return syntax(offset, 'duplicate key', 'each key may appear once in its mapping; remove one');
  const { line } = lines.linePos(first.offset);
  return syntax(
    offset,
    `duplicate key "${first.key}" (first at line ${line})`,
    `"${first.key}" may appear once in its mapping: keep one of the two (line ${line} or this one)`,
  );
}

/**
 * The first YAML syntax error of a text: the root cause, at the line that has it, with a hint. Later
 * errors are left out (one wrong indent makes the parsers report a cascade). js-yaml (which reads the
 * value) points at the offending line; the `yaml` document names both lines of a duplicate key.
 */
export function firstSyntaxProblem(
  text: string,
  parsed: { doc: Document; lines: LineCounter },
  cause?: YAMLException,
): Problem {
  const duplicate = parsed.doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  const reason = cause?.reason ?? '';
  if (cause?.mark && reason !== 'duplicated mapping key') {
    const start = lineStart(text, cause.mark.line);
    if (/tab characters/.test(reason)) return syntax(start, reason, TAB_HINT);
    if (/bad indentation|end of the stream or a document separator/.test(reason))
      return syntax(firstNonSpace(text, start), reason, INDENT_HINT);
    return syntax(cause.mark.position, reason, GENERIC_HINT);
  }
  if (duplicate && (!cause || reason === 'duplicated mapping key'))
    return duplicateKey(parsed.doc, parsed.lines, duplicate.pos[0]);
  const first = [...parsed.doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (!first) return syntax(cause?.mark?.position ?? 0, reason || 'unreadable', GENERIC_HINT);
  const message = first.message.split('\n')[0] ?? first.message;
  if (first.code === 'TAB_AS_INDENT') return syntax(first.pos[0], message, TAB_HINT);
  if (first.code === 'DUPLICATE_KEY') return duplicateKey(parsed.doc, parsed.lines, first.pos[0]);
  if (/indent|same column|compact mappings/i.test(message)) return syntax(first.pos[0], message, INDENT_HINT);
  return syntax(first.pos[0], message, GENERIC_HINT);
}
