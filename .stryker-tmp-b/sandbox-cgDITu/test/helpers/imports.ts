/**
 * The import graph of src/: every relative import, re-export and dynamic import of every .ts file,
 * type-only ones included, read from the source text (no TypeScript API: TypeScript 7 has none).
 */
// @ts-nocheck

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** file (relative to the root, `/`-separated) → the files it imports. */
export type ImportGraph = Map<string, string[]>;

const STATIC = /(?:^|[\n;])\s*(?:import|export)\b(?:[^;'"`]*?\bfrom)?\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source text imports from (static, re-exports, side effects, dynamic). */
export function importSpecifiers(source: string): string[] {
  const found = [...source.matchAll(STATIC), ...source.matchAll(DYNAMIC)].map((m) => m[1]!);
  return [...new Set(found)];
}

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/** The graph of every .ts file under `dir`; a relative import that resolves to no file throws. */
export function importGraph(root: string, dir = 'src'): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of tsFiles(join(root, dir))) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => {
        const base = resolve(dirname(file), spec);
        const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.d.ts'), base];
        const hit = candidates.find((c) => existsSync(c) && c !== dirname(file));
        if (!hit) throw new Error(`${relative(root, file)}: import "${spec}" resolves to no file`);
        return relative(root, hit).split('\\').join('/');
      });
    graph.set(relative(root, file).split('\\').join('/'), targets);
  }
  return graph;
}

/** Imports from a file under `from` to a file under `to` (folder prefixes such as `src/generate/`). */
export const importsBetween = (graph: ImportGraph, from: string, to: string): string[] =>
  [...graph].flatMap(([file, targets]) =>
    file.startsWith(from) ? targets.filter((t) => t.startsWith(to)).map((t) => `${file} → ${t}`) : [],
  );

/** Every import cycle, each as the files on it (strongly connected components of more than one file, or a self-import). */
export function importCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
