// @ts-nocheck
import type { Problem } from '../description/problem.js';
import { pointerSegments } from '../description/problem.js';
import type { RawDescription } from '../description/raw.js';
import { sampleSchema } from './sample.js';

const EXAMPLE_AT = /^(\/folders\/\d+\/requests\/\d+\/(?:responses\/\d{3}|body))\/example(?:\/|$)/;

/**
 * Replaces the examples the validator found not to match their schemas (a schema's own `examples`
 * can break its bounds) by ones built from the types alone. Returns how many it replaced; mutates.
 */
export function repairExamples(description: RawDescription, problems: readonly Problem[]): number {
  const owners = new Set(
    problems
      .filter((p) => p.code === 'EXAMPLE_INVALID')
      .map((p) => EXAMPLE_AT.exec(p.pointer)?.[1])
      .filter((p): p is string => p !== undefined),
  );
  for (const pointer of owners) {
    const owner = pointerSegments(pointer).reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      description,
    ) as { schema?: unknown; example?: unknown } | undefined;
    if (!owner?.schema) continue;
    const schema = typeof owner.schema === 'string' ? { $ref: `#/schemas/${owner.schema}` } : owner.schema;
    owner.example = sampleSchema(schema, { schemas: description.schemas ?? {}, seed: pointer, ignoreExamples: true });
  }
  return owners.size;
}
