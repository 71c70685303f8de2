// @ts-nocheck
import { existsSync } from 'node:fs';

/**
 * Debian's Chromium (apt-get install chromium): .ci/run installs it, never a browser download.
 * CHROMIUM_PATH points elsewhere.
 */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the real-browser tests cannot run here, or undefined when they can. Off CI they are then
 * skipped, visibly; under CI=true the run fails instead, so CI never passes without them.
 */
export function browserMissing(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string | undefined {
  if (env.SKIP_BROWSER_TESTS === '1') return 'SKIP_BROWSER_TESTS=1 (Chromium could not be installed)';
  const path = chromiumPath(env);
  if (!exists(path)) return `no Chromium at ${path} (install Debian's chromium, or set CHROMIUM_PATH)`;
  return undefined;
}

/** Whether a missing browser must fail the run: under CI. */
export const mustHaveBrowser = (env: NodeJS.ProcessEnv = process.env): boolean => env.CI === 'true' || env.CI === '1';

/** How the real-browser tests start Chromium: headless, and quiet on a machine with no network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options for Debian's Chromium (executable path and flags). */
export const chromiumLaunchOptions = () => ({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
