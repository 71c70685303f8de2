import { createHash } from 'node:crypto';

/** Namespace of every id pleo-postman derives (a fixed, random UUID), as the bytes a v5 UUID hashes first. */
const PLEO_POSTMAN_NAMESPACE = Buffer.from('3f0e6a528d1b4c7e9b0a5d2f71c4e9a8', 'hex');

/**
 * A stable UUIDv5 from names, so regenerated files diff cleanly (no random ids): SHA-1 of the namespace
 * and the name, with the version and variant bits set. Node's SHA-1, not the uuid package's
 * JavaScript one: a 2,000-request collection derives some 30,000 ids.
 * @see [RFC 9562 §5.5](https://www.rfc-editor.org/rfc/rfc9562.html#section-5.5)
 */
export function stableId(...names: string[]): string {
  const bytes = createHash('sha1').update(PLEO_POSTMAN_NAMESPACE).update(names.join('\u0000'), 'utf8').digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
