// @ts-nocheck
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateSpec } from '../../src/description/index.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const PRODUCTION = 'environments/pleo-production.postman_environment.json';
const STAGING = 'environments/pleo-staging.postman_environment.json';
type Env = { values: Array<{ key: string; value: string }> };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Env;
const value = (env: Env, key: string) => env.values.find((v) => v.key === key)?.value;

describe('production values a user must supply are empty', () => {
  it('issue 8 item 11: the committed production environment has an empty companyId; staging keeps its example', () => {
    expect(value(read(PRODUCTION), 'companyId')).toBe('');
    expect(value(read(STAGING), 'companyId')).toBe('c082afd8-c1d2-46ee-8f56-1512638f0e67');
  });

  it("issue 8 item 11: a production variable with staging's value is a warning with a hint", () => {
    const text = readFileSync(MINIMAL_SPEC, 'utf8').replace(
      '    apiBaseUrl: https://external.pleo.io\n',
      '    apiBaseUrl: https://external.pleo.io\n    variables:\n      companyId: 6a1d7b2e-0f4c-4d57-9a63-3b1f8c2e9d40\n',
    );
    const result = validateSpec(text, 'spec.yaml');
    expect(result.spec).toBeDefined();
    const printed = formatProblems(result.problems, 'spec.yaml', text);
    expect(printed).toContain(
      'warning: production variable "companyId" has staging\'s value (at #/environments/production/variables/companyId)',
    );
    expect(printed).toContain('→ leave it empty (companyId: "")');
  });
});
