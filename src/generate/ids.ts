import { createHash } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';

/** Salt of every id pleo-postman derives, so its ids do not collide with another tool's hashes of the same names. */
const PLEO_POSTMAN_NAMESPACE = '3f0e6a52-8d1b-4c7e-9b0a-5d2f71c4e9a8';

/**
 * A stable id from names, so regenerated files diff cleanly (no random ids). Shaped as a UUID version 4
 * (the hash's first 16 bytes with the version and variant bits set): `postman workspace prepare` replaces
 * every id of another version, a UUID v5 included, which would rewrite every file on a push.
 */
export function stableId(...names: string[]): string {
  const digest = createHash('sha256').update(PLEO_POSTMAN_NAMESPACE).update(names.join('\u0000')).digest();
  return uuidv4({ random: digest.subarray(0, 16) });
}
