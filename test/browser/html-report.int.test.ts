import { browserMissing, chromiumLaunchOptions } from '../helpers/browser.js';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLocalSuite, type RunSummary } from '../../src/run/index.js';
import { loadMinimal } from '../helpers/specs.js';

/** The browser's getComputedStyle, typed without the DOM library (the tests compile for Node). */
type WithComputedStyle = { getComputedStyle: (e: unknown) => { display: string; backgroundColor: string } };
/** Screenshots go here, outside the repository: look at them after a run. */
const SHOTS = join(tmpdir(), 'pleo-postman-test-output', 'html-report');

// Under CI a missing browser fails the run (test/browser/consent.int.test.ts says so once); here it skips.
describe.skipIf(browserMissing() !== undefined)(
  'the HTML report offline, in a real browser (Chromium, network blocked)',
  () => {
    let browser: Browser;
    let page: Page;
    let summary: RunSummary;
    let html: string;
    const blocked: string[] = [];
    beforeAll(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'pleo-html-'));
      summary = await runLocalSuite({
        spec: await loadMinimal(),
        reporters: ['html'],
        reportDir: dir,
        reportName: 'report',
      });
      const file = summary.reportFiles.find((f) => f.endsWith('.html'));
      if (!file) throw new Error(`no HTML report in ${summary.reportFiles.join(', ')}`);
      html = await readFile(file, 'utf8');
      browser = await chromium.launch(chromiumLaunchOptions());
      page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file://')) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('issue 8 item 4: the report asks for nothing outside the file, and its styles apply (tabs, not a bullet list)', async () => {
      expect(blocked).toEqual([]);
      expect(html).not.toMatch(/<(script|link)\b/i);
      const tab = page.locator('label.tab').first();
      expect(await tab.evaluate((e) => (globalThis as unknown as WithComputedStyle).getComputedStyle(e).display)).toBe(
        'inline-block',
      );
      expect(
        await tab.evaluate((e) => (globalThis as unknown as WithComputedStyle).getComputedStyle(e).backgroundColor),
      ).toBe('rgb(255, 255, 255)');
      expect(await page.locator('.panel-summary').isVisible()).toBe(true);
      expect(await page.locator('.panel-requests').isVisible()).toBe(false);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'summary.png') });
      await page.locator('label[for="tab-requests"]').click();
      expect(await page.locator('.panel-requests').isVisible()).toBe(true);
      await page
        .locator('details.request')
        .first()
        .evaluate((e) => e.setAttribute('open', ''));
      await page.screenshot({ path: join(SHOTS, 'requests.png'), fullPage: false });
    });

    it('issue 8 item 4: Markdown in request descriptions is rendered (tables are tables, not |---| text)', async () => {
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator.innerText(), what a person sees
      const text = await page.locator('.panel-requests').innerText();
      expect(text).not.toContain('|---');
      expect(await page.locator('.panel-requests details.request table').count()).toBeGreaterThan(
        await page.locator('details.request').count(),
      );
    });

    it('issue 8 item 2: the report counts each assertion once: the per-request rows add up to the summary', async () => {
      const rows = await page.locator('.panel-requests details.request tbody tr[class]').count();
      expect(rows).toBe(summary.assertions.total);
      const cards = await page.locator('.panel-summary .card b').allInnerTexts();
      expect(cards.map(Number)).toEqual([
        summary.requests.total,
        summary.requests.failed,
        ...(summary.negativeCases ? [summary.negativeCases] : []),
        summary.assertions.total,
        summary.assertions.passed,
        summary.assertions.failed,
        summary.assertions.skipped,
      ]);
    });
  },
);
