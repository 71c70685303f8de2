import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import type { ApiDescription } from './model.js';
import { normalise } from './normalise.js';
import { error, type Problem } from './problem.js';
import type { RawDescription } from './raw.js';
import { intactStamp } from './import-stamp.js';
import { checkSemantics } from './semantics.js';
import { checkStructure } from './structure.js';
import { firstSyntaxProblem } from './syntax.js';
import { importerVersion } from '../shared/importer-version.js';

export type ValidationResult = { spec: ApiDescription; problems: Problem[] } | { spec: undefined; problems: Problem[] };

export interface ParsedSource {
  doc: Document;
  lines: LineCounter;
}

/** The `yaml` package's document with node ranges: what turns pointers into line and column. */
export function parseSource(text: string): ParsedSource {
  const { LineCounter, parseDocument } = yamlPackage();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

function syntaxProblems(text: string, cause?: YAMLException): Problem[] {
  return [firstSyntaxProblem(text, parseSource(text), cause)];
}

/** Something that looks like a YAML alias (`*name`); markdown `**bold**` matches too, harmlessly. */
const ALIAS = /(?:^|[\s[{,])\*[^\s,[\]{}]/m;
/** Something that looks like a YAML anchor (`&name`): without one, no alias can expand (markdown `**bold**` is then harmless). */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/m;

/** Aliases expanded past this count are refused: nested aliases can blow a small file up exponentially. */
export const MAX_ALIAS_COUNT = 100;

/**
 * The description's value. js-yaml does not bound alias expansion, so a text with aliases is read by
 * the `yaml` package instead, which refuses a "billion laughs" document.
 */
function readValue(text: string, source: string): { value: unknown } | { problems: Problem[] } {
  if (ALIAS.test(text) && ANCHOR.test(text)) {
    const { doc } = parseSource(text);
    if (doc.errors.length > 0) return { problems: syntaxProblems(text) };
    try {
      return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    } catch (cause) {
      return {
        problems: [
          error(
            'YAML_ALIASES',
            '',
            `the YAML aliases expand too far (${(cause as Error).message})`,
            `use fewer aliases (at most ${MAX_ALIAS_COUNT} expansions)`,
          ),
        ],
      };
    }
  }
  try {
    return { value: load(text, { schema: CORE_SCHEMA, filename: source }) };
  } catch (cause) {
    return { problems: syntaxProblems(text, cause as YAMLException) };
  }
}

/**
 * Validates a description's text: YAML syntax, then structure, then Pleo's rules and references.
 * Pure (but for reading the importer's version once): gathers every problem and leaves deciding
 * what to do to the caller. The examples of an intact import of this importer's version are not
 * checked again (import-stamp.ts): the import validated them as it wrote the text.
 *
 * The value is read with js-yaml (YAML 1.2 core schema), several times faster than building the
 * `yaml` package's node tree; that tree is built only to locate problems (see formatProblems).
 * @param source the file name, kept in the result for messages.
 */
export function validateSpec(text: string, source: string): ValidationResult {
  if (isBlank(text)) return { spec: undefined, problems: [emptyProblem()] };
  const read = readValue(text, source);
  if ('problems' in read) return { spec: undefined, problems: read.problems };
  return validateValue(read.value, text, source);
}

/**
 * `validateSpec` of a text whose value the caller has: the importer's description, which it dumped
 * into `text` (js-yaml, core schema) and would otherwise read straight back. `value` is cloned, so
 * the spec shares nothing with what the caller goes on to change.
 */
export function validateDumpedSpec(value: unknown, text: string, source: string): ValidationResult {
  if (isBlank(text)) return { spec: undefined, problems: [emptyProblem()] };
  return validateValue(structuredClone(value), text, source);
}

/** Only blank lines and comments: no line has anything but whitespace before a `#` or its end. */
const isBlank = (text: string) => !/^\s*[^\s#]/m.test(text);

const emptyProblem = () =>
  error(
    'EMPTY',
    '',
    'the description is empty',
    'start from collections/pleo-api.yaml: it needs info, environments, auth, scopes and folders',
  );

function validateValue(raw: unknown, text: string, source: string): ValidationResult {
  if (raw === null || raw === undefined || (typeof raw === 'object' && Object.keys(raw).length === 0))
    return { spec: undefined, problems: [emptyProblem()] };
  const structural = checkStructure(raw);
  if (structural.length > 0) return { spec: undefined, problems: structural };
  // An intact import of this importer was validated as it was written: its examples match their schemas.
  const examplesValidated = intactStamp(text)?.importer === importerVersion();
  const semantic = checkSemantics(raw as RawDescription, examplesValidated);
  if (semantic.some((p) => p.severity === 'error')) return { spec: undefined, problems: semantic };
  return { spec: normalise(raw as RawDescription, source), problems: semantic };
}
