import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ApiDescription } from './model.js';
import { normalise } from './normalise.js';
import { error, type Problem } from './problem.js';
import type { RawDescription } from './raw.js';
import { checkSemantics } from './semantics.js';
import { checkStructure } from './structure.js';

export type ValidationResult =
  | { spec: ApiDescription; problems: Problem[] }
  | { spec: undefined; problems: Problem[] };

export interface ParsedSource {
  doc: Document;
  lines: LineCounter;
}

export function parseSource(text: string): ParsedSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

/**
 * Validates a description's text: YAML syntax, then structure, then Pleo's rules and references.
 * Pure: gathers every problem and leaves deciding what to do to the caller.
 * @param source the file name, kept in the result for messages.
 */
export function validateSpec(text: string, source: string, parsed: ParsedSource = parseSource(text)): ValidationResult {
  const { doc } = parsed;
  const syntax: Problem[] = doc.errors.map((e) => ({
    severity: 'error',
    code: 'YAML_SYNTAX',
    pointer: '',
    offset: e.pos[0],
    message: `YAML syntax error: ${e.message.split('\n')[0]}`,
  }));
  if (syntax.length > 0) return { spec: undefined, problems: syntax };
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || raw === undefined || (typeof raw === 'object' && Object.keys(raw).length === 0)) {
    return { spec: undefined, problems: [error('EMPTY', '', 'the description is empty', 'start from collections/pleo-api.yaml: it needs info, environments, auth, scopes and folders')] };
  }
  const structural = checkStructure(raw);
  if (structural.length > 0) return { spec: undefined, problems: structural };
  const semantic = checkSemantics(raw as RawDescription);
  if (semantic.some((p) => p.severity === 'error')) return { spec: undefined, problems: semantic };
  return { spec: normalise(raw as RawDescription, source), problems: semantic };
}
