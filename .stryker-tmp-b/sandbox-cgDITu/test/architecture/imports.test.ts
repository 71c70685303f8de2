// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, importsBetween, importSpecifiers } from '../helpers/imports.js';

const graph = importGraph(process.cwd());

describe('dependencies in src/ run one way', () => {
  it('reads every kind of import', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      'import {\n  c,\n  type D,\n} from "./c.js";',
      "export { e } from './e.js';",
      "export * from './f.js';",
      "import './g.js';",
      "const h = await import('./h.js');",
      "import yargs from 'yargs';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      ['../b.js', './a.js', './c.js', './e.js', './f.js', './g.js', './h.js', 'yargs'].sort(),
    );
  });

  it('sees the whole of src/', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/generate/environments.ts')).toContain('src/shared/local-pleo.ts');
  });

  it.each([
    ['src/generate/', 'src/mock/'],
    ['src/mock/', 'src/generate/'],
  ])('nothing in %s imports from %s', (from, to) => {
    expect(importsBetween(graph, from, to)).toEqual([]);
  });

  it('src/shared/ and src/description/ import from neither', () => {
    for (const from of ['src/shared/', 'src/description/'])
      for (const to of ['src/generate/', 'src/mock/', 'src/run/', 'src/commands/'])
        expect(importsBetween(graph, from, to)).toEqual([]);
  });

  it('the commands enter src/run through its index only', () => {
    const deep = [...graph]
      .filter(([from]) => !from.startsWith('src/run/'))
      .flatMap(([from, tos]) =>
        tos.filter((to) => to.startsWith('src/run/') && to !== 'src/run/index.ts').map((to) => `${from} → ${to}`),
      );
    expect(deep).toEqual([]);
  });

  it('src/run is split into rooms, with nothing but the index at its top', () => {
    const top = [...graph.keys()].filter((file) => /^src\/run\/[^/]+$/.test(file));
    expect(top).toEqual(['src/run/index.ts']);
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('would see a cycle and a forbidden import', () => {
    const broken = new Map([
      ['src/mock/context.ts', ['src/mock/resource-api.ts']],
      ['src/mock/resource-api.ts', ['src/mock/context.ts', 'src/mock/http.ts']],
      ['src/mock/http.ts', []],
      ['src/generate/environments.ts', ['src/mock/clients.ts']],
      ['src/self.ts', ['src/self.ts']],
    ]);
    expect(importCycles(broken)).toEqual([['src/mock/context.ts', 'src/mock/resource-api.ts'], ['src/self.ts']]);
    expect(importsBetween(broken, 'src/generate/', 'src/mock/')).toEqual([
      'src/generate/environments.ts → src/mock/clients.ts',
    ]);
  });
});
