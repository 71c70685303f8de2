// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { browserMissing, mustHaveBrowser } from '../helpers/browser.js';

describe('when the real-browser tests run (test/browser/consent.int.test.ts)', () => {
  const there = () => true;
  const absent = () => false;
  it.each([
    ['Chromium at the default path', {}, there, undefined],
    ['no Chromium', {}, absent, "no Chromium at /usr/bin/chromium (install Debian's chromium, or set CHROMIUM_PATH)"],
    ['CHROMIUM_PATH pointing nowhere', { CHROMIUM_PATH: '/nowhere/chrome' }, absent, 'no Chromium at /nowhere/chrome'],
    ['SKIP_BROWSER_TESTS=1', { SKIP_BROWSER_TESTS: '1' }, there, 'SKIP_BROWSER_TESTS=1'],
  ])('%s', (_name, env, exists, want) => {
    const missing = browserMissing(env, exists);
    if (want === undefined) expect(missing).toBeUndefined();
    else expect(missing).toContain(want);
  });

  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'false' }, false],
    [{}, false],
  ])('%j: a missing browser fails the run: %s', (env, want) => {
    expect(mustHaveBrowser(env)).toBe(want);
  });
});
