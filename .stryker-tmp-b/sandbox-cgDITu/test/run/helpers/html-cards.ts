/** The report's HTML escaping of a name (as src/run/html-report.ts escapes it). */
// @ts-nocheck

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The assertion counts of the HTML report's summary cards (`<b …>N</b>label`). */
export function htmlCards(html: string): { assertions: number; passed: number; failed: number; skipped: number } {
  const card = (label: string): number => {
    const match = new RegExp(`<div class="card"><b class="[a-z]*">(\\d+)</b>${label}</div>`).exec(html);
    if (!match) throw new Error(`no "${label}" card in the HTML report`);
    return Number(match[1]);
  };
  return { assertions: card('assertions'), passed: card('passed'), failed: card('failed'), skipped: card('skipped') };
}
