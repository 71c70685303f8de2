// @ts-nocheck
import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_CODES, UserError } from '../errors.js';

/** A simulated network delay: `ms` before every response, plus up to `jitterMs` more, uniformly. */
export interface Latency {
  ms: number;
  jitterMs: number;
}

const LATENCY_PATTERN = /^\s*(\d+)\s*(?:,\s*(\d+)\s*)?$/;

/** `100` or `100,20` (`--latency MS[,JITTER]`) → the latency; a UserError for anything else. */
export function parseLatency(value: string | number): Latency {
  const match = LATENCY_PATTERN.exec(String(value));
  if (!match) {
    throw new UserError(
      `--latency: "${String(value)}" is not MS or MS,JITTER (whole milliseconds, e.g. 100 or 100,20)`,
      ERROR_CODES.OPTION_INVALID,
    );
  }
  return { ms: Number(match[1]), jitterMs: Number(match[2] ?? 0) };
}

/** Throws a UserError naming `"options.latency"` unless both parts are non-negative integers. */
export function assertLatency(latency: Latency | undefined): void {
  if (latency === undefined) return;
  const ok = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (typeof latency !== 'object' || latency === null || !ok(latency.ms) || !ok(latency.jitterMs)) {
    throw new UserError(
      '"options.latency" must be { ms, jitterMs } with non-negative integers',
      ERROR_CODES.OPTION_INVALID,
    );
  }
}

/** The delay of one response, in ms: `ms + U[0, jitterMs]`. `random` is injectable for tests. */
export function delayOf(latency: Latency, random: () => number = Math.random): number {
  return latency.ms + Math.round(random() * latency.jitterMs);
}

/** Waits the delay of one response (no timer at all for a zero latency). */
export async function waitLatency(latency: Latency | undefined): Promise<void> {
  if (latency === undefined) return;
  const ms = delayOf(latency);
  if (ms > 0) await sleep(ms);
}
