import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { generateFiles } from '../../src/generate/index.js';
import { environmentFileStem } from '../../src/generate/environments.js';
import { syntheticSpec } from '../../scripts/synthetic-spec.mjs';

/** A small valid description named `name`. */
function described(name: string): ApiDescription {
  const text = syntheticSpec(2).replace(/^ {2}name: Synthetic 2$/m, `  name: ${JSON.stringify(name)}`);
  const { spec, problems } = validateSpec(text, 'api.yaml');
  if (!spec) throw new Error(JSON.stringify(problems));
  expect(spec.info.name).toBe(name);
  return spec;
}

describe('environment files are named after the API, as the environments are', () => {
  it.each([
    ['Pleo API', 'pleo-staging'],
    ['Library API', 'library-staging'],
    ['Spotify Web API', 'spotify-web-staging'],
    ['Übersicht API', 'übersicht-staging'],
    ['  Acme / Billing (v2) API', 'acme-billing-v2-staging'],
    ['API', 'api-staging'],
    ['!!!', 'api-staging'],
  ])('%s → %s', (name, stem) => {
    expect(environmentFileStem(described(name), 'staging')).toBe(stem);
  });

  it('generate writes them so in both formats, and Pleo keeps pleo-*', () => {
    const paths = (name: string) =>
      generateFiles(described(name))
        .files.map((f) => f.path)
        .filter((p) => p.includes('environments'))
        .sort();
    expect(paths('Library API')).toEqual([
      'environments/library-local.postman_environment.json',
      'environments/library-production.postman_environment.json',
      'environments/library-staging.postman_environment.json',
      'postman/environments/library-local.environment.yaml',
      'postman/environments/library-production.environment.yaml',
      'postman/environments/library-staging.environment.yaml',
    ]);
    expect(paths('Pleo API').filter((p) => p.startsWith('environments/'))).toEqual([
      'environments/pleo-local.postman_environment.json',
      'environments/pleo-production.postman_environment.json',
      'environments/pleo-staging.postman_environment.json',
    ]);
  });
});
