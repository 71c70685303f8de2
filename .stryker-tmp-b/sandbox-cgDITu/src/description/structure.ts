// @ts-nocheck
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { error, pointerOf, type Problem } from './problem.js';
import compiledStructure from './structure-validator.generated.js';

// description.schema.json, precompiled by scripts/compile-validators.mjs (every error, with its
// schema): compiling it at start-up took about as long as validating a large description.
const validateStructure = compiledStructure as ValidateFunction;

/** The candidate closest to a mistyped word, when it is close enough to be what was meant. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function toProblem(e: ErrorObject): Problem {
  const at = e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = didYouMean(key, allowed);
      return {
        ...error(
          'UNKNOWN_KEY',
          `${at}${pointerOf(key)}`,
          `unknown key "${key}"`,
          guess ? `did you mean "${guess}"?` : `allowed keys: ${allowed.join(', ')}`,
        ),
        atKey: true,
      };
    }
    case 'required':
      return error(
        'MISSING_KEY',
        at,
        `missing required key "${String(e.params.missingProperty)}"`,
        `add "${String(e.params.missingProperty)}:" ${at === '' ? 'at the top level' : `to #${at}`}, as in the README's example description (section "The description")`,
      );
    case 'type':
      return error('WRONG_TYPE', at, `must be ${String(e.params.type).replace(',', ' or ')}, but is ${typeOf(e.data)}`);
    case 'enum':
    case 'const': {
      const allowed = (e.params.allowedValues as unknown[] | undefined) ?? [e.params.allowedValue];
      return error(
        'NOT_ALLOWED',
        at,
        `${JSON.stringify(e.data)} is not allowed`,
        `use one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
      );
    }
    case 'propertyNames':
      return {
        ...error(
          'BAD_NAME',
          `${at}${pointerOf(String(e.params.propertyName))}`,
          `invalid name "${String(e.params.propertyName)}"`,
        ),
        atKey: true,
      };
    case 'pattern':
      return error('BAD_FORMAT', at, `${JSON.stringify(e.data)} must match ${String(e.params.pattern)}`);
    default:
      return error('INVALID', at, e.message ?? 'is invalid');
  }
}

/** Checks the shape of the raw document against the description's JSON Schema. */
export function checkStructure(raw: unknown): Problem[] {
  if (validateStructure(raw)) return [];
  const errors = (validateStructure.errors ?? []).filter(
    // A propertyNames failure also reports the inner pattern failure on the same name: keep one.
    (e) => !(e.keyword === 'pattern' && e.propertyName !== undefined),
  );
  return errors.map(toProblem);
}
