import { yamlPackage, yamlUtil } from '../../description/yaml-package.js';

/**
 * `stringify(value)` of the `yaml` library with its default options, byte for byte, for plain JSON-like
 * data, without building yaml's document tree (most of what `stringify` costs on thousands of small
 * files). The structure (block maps and sequences, `{}` and `[]`, the indentation) is emitted here, the
 * way yaml's stringifyPair and stringifyCollection lay it out. A string that is safe as a short plain
 * scalar is written as it is; any other string (quoting, block scalars, folding at 80 columns) goes to
 * yaml's own scalar serialiser (`stringifyString` of `yaml/util`) with the context `stringify` would pass
 * it at that place (indentation, implicit key, column where the value starts), so its form is yaml's.
 * Anything else (a top-level scalar, a class instance, `undefined` in a list, a bigint, the same object
 * twice, which yaml writes as an anchor and alias, a key yaml would write as an explicit `? key`) goes to
 * `stringify` as a whole. test/generate/writers/fast-yaml.test.ts holds it to `stringify`.
 */
export function dumpYaml(value: unknown): string {
  const { stringify } = yaml();
  if (value === null || typeof value !== 'object') return stringify(value);
  try {
    const seen = new Set<object>();
    return `${Array.isArray(value) ? seq(value, '', seen) : map(value, '', seen)}\n`;
  } catch (e) {
    if (e === UNSURE) return stringify(value);
    throw e;
  }
}

/** Thrown (and caught in dumpYaml) where the emitter is not sure of yaml's form: stringify writes the file. */
const UNSURE = Symbol('unsure');

const INDENT_STEP = '  ';
const LINE_WIDTH = 80;
const MIN_CONTENT_WIDTH = 20;
/** Longer keys are written as explicit `? key` (stringifyPair). */
const MAX_IMPLICIT_KEY = 1024;

interface Yaml {
  stringify: (value: unknown) => string;
  stringifyString: ReturnType<typeof yamlUtil>['stringifyString'];
  stringifyNumber: ReturnType<typeof yamlUtil>['stringifyNumber'];
  /** A Document only for its (core) schema: stringifyString checks a plain string would not read as a number, bool or null. */
  doc: object;
}
let loaded: Yaml | undefined;

/** The `yaml` package's part in this, loaded on the first v3 file: `generate --format v2.1` never loads it. */
function yaml(): Yaml {
  if (!loaded) {
    const { Document, stringify } = yamlPackage();
    const { stringifyNumber, stringifyString } = yamlUtil();
    loaded = { stringify, stringifyString, stringifyNumber, doc: new Document() };
  }
  return loaded;
}
/** stringify's default options, as far as stringifyString reads them. */
const options = {
  blockQuote: true,
  defaultKeyType: null,
  defaultStringType: 'PLAIN',
  doubleQuotedAsJSON: false,
  doubleQuotedMinMultiLineLength: 40,
  lineWidth: LINE_WIDTH,
  minContentWidth: MIN_CONTENT_WIDTH,
  singleQuote: null,
};

/**
 * A plain scalar that yaml writes unchanged: starts with a letter, `_`, `$`, `(` or `/` (no indicator,
 * digit, sign or dot, so not a number either), printable with no tab, newline, control character or
 * surrogate, no `: ` or ` #`, not ending in a space or `:`, and not a core-schema bool or null.
 */
const SAFE_PLAIN = /^[A-Za-z_$(/][\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*$/;
const UNSAFE_PLAIN = /: | #|[ :]$|^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/**
 * A string as yaml writes it at this place: `indent` is the context's indentation (the parent's plus a
 * step), `indentAtStart` the column where a map value starts (undefined for a list item).
 */
function str(value: string, indent: string, implicitKey: boolean, indentAtStart?: number): string {
  // foldFlowLines leaves a line of at most this many characters alone.
  const fits = implicitKey || value.length <= Math.max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - indent.length);
  if (fits && SAFE_PLAIN.test(value) && !UNSAFE_PLAIN.test(value)) return value;
  const { doc, stringifyString } = yaml();
  const ctx = {
    actualString: true,
    doc,
    forceBlockIndent: false,
    implicitKey,
    indent,
    indentAtStart,
    indentStep: INDENT_STEP,
    inFlow: null,
    options,
  };
  // biome-ignore lint/suspicious/noExplicitAny: yaml's StringifyContext has fields stringifyString does not read.
  return stringifyString({ value } as any, ctx as any);
}

function scalar(value: unknown, indent: string, implicitKey: boolean, indentAtStart?: number): string {
  switch (typeof value) {
    case 'string':
      return str(value, indent, implicitKey, indentAtStart);
    case 'number':
      // biome-ignore lint/suspicious/noExplicitAny: stringifyNumber reads only the value of the Scalar.
      return yaml().stringifyNumber({ value } as any);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (value === null) return 'null';
      throw UNSURE;
  }
}

const isCollection = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A plain object or an array not met before in this value (yaml writes a repeated one as an alias). */
function enter(value: object, seen: Set<object>) {
  if (seen.has(value)) throw UNSURE;
  seen.add(value);
  if (Array.isArray(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw UNSURE;
}

/** A block map whose pairs start at `indent` (the first one where the caller is). */
function map(value: object, indent: string, seen: Set<object>): string {
  enter(value, seen);
  const inner = indent + INDENT_STEP;
  let out = '';
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue; // yaml leaves the pair out
    const k = str(key, inner, true);
    if (k.length > MAX_IMPLICIT_KEY) throw UNSURE;
    let pair: string;
    if (isCollection(v)) {
      const nested = Array.isArray(v) ? seq(v, inner, seen) : map(v, inner, seen);
      // An empty collection is written in flow style on the key's line, any other on the lines below.
      pair = nested === '{}' || nested === '[]' ? `${k}: ${nested}` : `${k}:\n${inner}${nested}`;
    } else {
      const s = scalar(v, inner, false, k.length + 2);
      pair = s === '' || s[0] === '\n' ? `${k}:${s}` : `${k}: ${s}`;
    }
    out = out === '' ? pair : `${out}\n${indent}${pair}`;
  }
  // A map with only undefined values: yaml writes `{}`.
  return out === '' ? '{}' : out;
}

/** A block sequence whose items start at `indent` (the first one where the caller is). */
function seq(value: readonly unknown[], indent: string, seen: Set<object>): string {
  enter(value, seen);
  if (value.length === 0) return '[]';
  const inner = indent + INDENT_STEP;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw UNSURE;
    const v = value[i];
    let item: string;
    if (isCollection(v)) item = Array.isArray(v) ? seq(v, inner, seen) : map(v, inner, seen);
    else item = scalar(v, inner, false);
    out = i === 0 ? `- ${item}` : `${out}\n${indent}- ${item}`;
  }
  return out;
}
