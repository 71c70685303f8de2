// @ts-nocheck
import { parse, v5 as uuidv5 } from 'uuid';

/** Namespace of every id pleo-postman derives (a fixed, random UUID), parsed once: uuid then skips re-parsing it per id. */
const PLEO_POSTMAN_NAMESPACE = parse('3f0e6a52-8d1b-4c7e-9b0a-5d2f71c4e9a8');

/** A stable UUIDv5 from names, so regenerated files diff cleanly (no random ids). */
export function stableId(...names: string[]): string {
  return uuidv5(names.join('\u0000'), PLEO_POSTMAN_NAMESPACE);
}
