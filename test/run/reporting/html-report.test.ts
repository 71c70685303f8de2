import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../src/run/reporting/html-report.js';
import type { HtmlReportData } from '../../../src/run/reporting/html-data.js';

const request = (name: string) => ({
  name,
  description: '',
  method: 'GET',
  url: 'http://x',
  status: 200,
  assertions: [],
});

/** A run whose one count says `sent` requests, with `listed` requests in the Requests tab. */
function report(sent: number, listed: number): string {
  const data: HtmlReportData = {
    title: 'Pleo API',
    durationMs: 1000,
    counts: {
      requests: { total: sent, failed: 0 },
      assertions: { total: 4, failed: 0, skipped: 0, passed: 4 },
    } as HtmlReportData['counts'],
    folders: [
      { name: 'Vendors', description: '', requests: Array.from({ length: listed }, (_, i) => request(`R${i}`)) },
    ],
  };
  return renderHtmlReport(data);
}

describe('issue 19 item 7: the HTML report request count and its Requests tab', () => {
  it('agree when the run sent what the tab lists', () => {
    const html = report(3, 3);
    expect(html).toContain('<p>3 requests, 4 assertions in 1.0 s</p>');
    expect(html).toContain('Requests (3)');
  });

  it('say why they differ: requests the scripts sent (the local token flow), or requests not sent', () => {
    expect(report(106, 105)).toContain(
      "<p>106 requests sent (the Requests tab lists 105: 1 more sent by the collection's scripts), 4 assertions",
    );
    expect(report(2, 5)).toContain('2 requests sent (the Requests tab lists 5: 3 of them not sent)');
  });
});
