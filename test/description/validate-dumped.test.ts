import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateDumpedSpec, validateSpec } from '../../src/description/index.js';
import { descriptionHeader, writeDescription } from '../../src/openapi/write.js';
import { syntheticSpec } from '../../scripts/synthetic-spec.mjs';

/** A description's value and the text the importer would dump it into. */
function dumped(yamlText: string) {
  const value = load(yamlText, { schema: CORE_SCHEMA }) as Record<string, unknown>;
  return { value, text: writeDescription(value as never, descriptionHeader(['doc.yaml'], undefined)) };
}

describe('validateDumpedSpec: validateSpec without reading the dumped text back', () => {
  it.each([
    ['the committed description', readFileSync('collections/pleo-api.yaml', 'utf8')],
    ['a synthetic description of 40 requests', syntheticSpec(40)],
  ])('%s: the same spec and problems', (_, yamlText) => {
    const { value, text } = dumped(yamlText);
    const read = validateSpec(text, 'api.yaml');
    expect(read.spec).toBeDefined();
    expect(validateDumpedSpec(value, text, 'api.yaml')).toEqual(read);
  });

  it('the same problems for a broken one: an example that breaks its schema, a missing scope', () => {
    const { value } = dumped(syntheticSpec(3));
    const folders = value.folders as Array<{ requests: Array<Record<string, unknown>> }>;
    const request = folders[0]?.requests[0] as { scopes?: string[]; responses?: Record<string, { example?: unknown }> };
    request.scopes = ['nobody:knows'];
    const withExample = Object.values(request.responses ?? {}).find((r) => r.example !== undefined);
    if (withExample) withExample.example = 42;
    const text = writeDescription(value as never, '');
    const read = validateSpec(text, 'api.yaml');
    expect(read.spec).toBeUndefined();
    expect(read.problems.map((p) => p.code)).toContain('SCOPE_UNKNOWN');
    expect(validateDumpedSpec(value, text, 'api.yaml')).toEqual(read);
  });

  it('the spec shares nothing with the value: changing the value afterwards leaves it as it was', () => {
    const { value, text } = dumped(syntheticSpec(3));
    const { spec } = validateDumpedSpec(value, text, 'api.yaml');
    const before = JSON.stringify(spec);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object')
        for (const [key, child] of Object.entries(node)) {
          if (typeof child === 'string') (node as Record<string, unknown>)[key] = `${child}!`;
          else walk(child);
        }
    };
    walk(value);
    expect(JSON.stringify(spec)).toBe(before);
  });
});
