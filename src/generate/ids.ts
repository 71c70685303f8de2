import { createHash } from 'node:crypto';

/** Salt of every id pleo-postman derives, so its ids do not collide with another tool's hashes of the same names. */
const PLEO_POSTMAN_NAMESPACE = '3f0e6a52-8d1b-4c7e-9b0a-5d2f71c4e9a8';

/**
 * A stable id from names, so regenerated files diff cleanly (no random ids). Shaped as a UUID version 4
 * (the SHA-256 hash's first 16 bytes with the version and variant bits set): `postman workspace prepare`
 * replaces every id of another version, a UUID v5 included, which would rewrite every file on a push.
 * Node's hash, not a JavaScript one: a 2,000-request collection derives some 30,000 ids.
 * @see [RFC 9562 §5.4](https://www.rfc-editor.org/rfc/rfc9562.html#section-5.4)
 */
export function stableId(...names: string[]): string {
  const bytes = createHash('sha256').update(PLEO_POSTMAN_NAMESPACE).update(names.join('\u0000')).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
