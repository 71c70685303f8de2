import { isLoopbackHost } from './loopback.js';

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** The host name of a `Host` header: `[::1]:4010` → `::1`, `LocalHost:4010` → `localhost`. */
export function hostOfHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[^\]]+\]|[^:]*)(?::\d*)?$/.exec(header.trim());
  return match?.[1]?.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Whether the mock answers a request with this `Host` header: loopback names and addresses only, so
 * a web page cannot reach the auto-approving mock through DNS rebinding (its Host is the attacker's
 * name), plus the interface it listens on when that is not loopback (`mock --host H --allow-remote`);
 * a wildcard interface (0.0.0.0, ::) was asked to answer anyone.
 * @see [RFC 9110 §7.2](https://www.rfc-editor.org/rfc/rfc9110.html#section-7.2)
 */
export function hostAllowed(header: string | undefined, listeningOn: string): boolean {
  const listening = listeningOn.replace(/^\[|\]$/g, '').toLowerCase();
  if (WILDCARD.has(listeningOn) || WILDCARD.has(listening)) return true;
  const host = hostOfHeader(header);
  if (host === undefined || host === '') return false;
  return isLoopbackHost(host) || host === listening;
}
