// @ts-nocheck
import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import { pointerSegments } from './problem.js';

export interface Location {
  line: number;
  col: number;
}

/**
 * Turns a JSON pointer into the line and column of its YAML node (1-based); with `atKey`, of the
 * key that holds it. Falls back to the deepest node that exists.
 */
export function locatePointer(doc: Document, lines: LineCounter, pointer: string, atKey = false): Location {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  const segments = pointerSegments(pointer);
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && atKey) {
        offset = keyNode.range?.[0] ?? offset;
        break;
      }
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = lines.linePos(offset);
  return { line, col };
}
