import { Marked } from 'marked';
import type { HtmlReportData, Outcome, ReportRequest } from './html-data.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Markdown as Markdown (GitHub tables included); raw HTML is shown as text and only web links are kept. */
const markdown = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return /^(https?:|mailto:|#)/i.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image: ({ text }) => escapeHtml(text),
  },
});
const renderMarkdown = (text: string): string =>
  text.trim() ? (markdown.parse(text, { async: false }) as string) : '';

/** Styles inline, no script and no external asset: the report renders the same offline and from file://. */
const STYLE = `
:root { --ok: #1a7f37; --fail: #cf222e; --skip: #9a6700; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; background: #f6f8fa; }
header { background: #24292f; color: #fff; padding: 16px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; color: #d0d7de; }
main { padding: 16px 24px; }
.tabs > input { position: absolute; opacity: 0; pointer-events: none; }
.tabs > label.tab { display: inline-block; padding: 8px 16px; margin-right: 4px; border: 1px solid var(--line); border-bottom: 0;
  border-radius: 6px 6px 0 0; background: #eaeef2; cursor: pointer; font-weight: 600; }
.tabs > input:checked + label.tab { background: #fff; }
.tabs > .panel { display: none; background: #fff; border: 1px solid var(--line); border-radius: 0 6px 6px 6px; padding: 16px; }
#tab-summary:checked ~ .panel-summary, #tab-requests:checked ~ .panel-requests, #tab-failed:checked ~ .panel-failed { display: block; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { flex: 1 1 140px; border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
.card b { display: block; font-size: 24px; }
.passed { color: var(--ok); } .failed { color: var(--fail); } .skipped { color: var(--skip); }
h2 { font-size: 17px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
details.request { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.request > summary { padding: 8px 12px; cursor: pointer; }
details.request > div { padding: 0 12px 12px; }
.method { font-family: ui-monospace, Menlo, monospace; font-weight: 700; }
code, .url { font-family: ui-monospace, Menlo, monospace; font-size: 12px; word-break: break-all; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.muted { color: var(--muted); }
`;

const OUTCOME_MARK: Record<Outcome, string> = { passed: '✓', failed: '✗', skipped: '–' };

function requestHtml(request: ReportRequest): string {
  const failed = request.assertions.some((a) => a.outcome === 'failed') || request.requestError !== undefined;
  const status =
    request.status !== undefined
      ? `${request.status}${request.responseTimeMs !== undefined ? `, ${request.responseTimeMs} ms` : ''}`
      : request.requestError
        ? `no response: ${escapeHtml(request.requestError)}`
        : 'not sent';
  const rows = request.assertions
    .map(
      (a) =>
        `<tr class="${a.outcome}"><td>${OUTCOME_MARK[a.outcome]} ${a.outcome}</td><td>${escapeHtml(a.name)}${a.message ? `<br><span class="muted">${escapeHtml(a.message)}</span>` : ''}</td></tr>`,
    )
    .join('');
  const counts = (['passed', 'failed', 'skipped'] as const)
    .map((o) => `<span class="${o}">${request.assertions.filter((a) => a.outcome === o).length} ${o}</span>`)
    .join(', ');
  return `<details class="request${failed ? ' has-failure' : ''}"${failed ? ' open' : ''}>
<summary><span class="method">${escapeHtml(request.method)}</span> ${escapeHtml(request.name)} <span class="muted">(${status}; ${counts})</span></summary>
<div><p class="url">${escapeHtml(request.url)}</p>${renderMarkdown(request.description)}
<table><thead><tr><th>Outcome</th><th>Assertion</th></tr></thead><tbody>${rows}</tbody></table></div>
</details>`;
}

/**
 * The header's request count: the run's one count (requests sent, the token step's script requests
 * included), and why the Requests tab lists a different number when it does.
 */
function requestCount(sent: number, listed: number): string {
  const count = `${sent} request${sent === 1 ? '' : 's'}`;
  if (sent === listed) return count;
  const why =
    sent > listed ? `${sent - listed} more sent by the collection's scripts` : `${listed - sent} of them not sent`;
  return `${count} sent (the Requests tab lists ${listed}: ${why})`;
}

/** A self-contained HTML report of a run: inline styles, no script, tabs by CSS, descriptions as Markdown. */
export function renderHtmlReport(data: HtmlReportData): string {
  const { counts } = data;
  const requests = data.folders.flatMap((f) => f.requests);
  const failedRequests = requests.filter(
    (r) => r.requestError !== undefined || r.assertions.some((a) => a.outcome === 'failed'),
  );
  const card = (label: string, value: number | string, cls = '') =>
    `<div class="card"><b class="${cls}">${value}</b>${label}</div>`;
  const folders = data.folders
    .map(
      (f) =>
        `<section class="folder">${f.name ? `<h2>${escapeHtml(f.name)}</h2>` : ''}${renderMarkdown(f.description)}${f.requests.map(requestHtml).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(data.title)}</h1><p>${requestCount(counts.requests.total, requests.length)}${counts.negativeCases ? ` (${counts.negativeCases} negative case${counts.negativeCases === 1 ? '' : 's'})` : ''}, ${counts.assertions.total} assertions in ${(data.durationMs / 1000).toFixed(1)} s</p></header>
<main class="tabs">
<input type="radio" name="tab" id="tab-summary" checked><label class="tab" for="tab-summary">Summary</label>
<input type="radio" name="tab" id="tab-requests"><label class="tab" for="tab-requests">Requests (${requests.length})</label>
<input type="radio" name="tab" id="tab-failed"><label class="tab" for="tab-failed">Failed (${failedRequests.length})</label>
<section class="panel panel-summary">
<div class="cards">
${card('requests sent', counts.requests.total)}${card('requests without a response', counts.requests.failed, counts.requests.failed ? 'failed' : '')}
${counts.negativeCases ? card('negative cases', counts.negativeCases) : ''}${card('assertions', counts.assertions.total)}${card('passed', counts.assertions.passed, 'passed')}${card('failed', counts.assertions.failed, 'failed')}${card('skipped', counts.assertions.skipped, 'skipped')}
</div>
<p class="muted">The same counts as the last line of <code>pleo-postman test</code>, Newman's table and the JUnit report.</p>
</section>
<section class="panel panel-requests">
${folders}
</section>
<section class="panel panel-failed">
${failedRequests.length > 0 ? failedRequests.map(requestHtml).join('\n') : '<p class="passed">Nothing failed.</p>'}
</section>
</main>
</body>
</html>
`;
}
