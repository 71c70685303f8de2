// @ts-nocheck
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `:root{color-scheme:light}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f5f5f2;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1b}
main{background:#fff;max-width:30rem;margin:2rem;padding:2.2rem 2.4rem;border-radius:.9rem;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}
.mark{width:3rem;height:3rem;border-radius:50%;display:flex;align-items:center;justify-content:center;font-size:1.6rem;font-weight:700;color:#fff;margin-bottom:1.2rem}
.ok .mark{background:#1a7f37}.fail .mark{background:#c4314b}
h1{font-size:1.35rem;margin:0 0 .8rem}p{line-height:1.5;margin:.6rem 0}
code{background:#f0f0ec;padding:.05rem .3rem;border-radius:.25rem;font-size:.92em;white-space:nowrap}
.note{color:#6b6b66;font-size:.88rem;margin-top:1.4rem;border-top:1px solid #ecece8;padding-top:1rem}`;

export interface ResultPage {
  ok: boolean;
  title: string;
  lines: readonly string[];
}

/** The page the login listener answers the browser with: what happened, in plain words, and that the tab can be closed. */
export function renderResultPage(page: ResultPage): string {
  const body = page.lines
    .map((line) => `<p>${escapeHtml(line).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)} · pleo-postman</title><style>${STYLE}</style></head>
<body><main class="${page.ok ? 'ok' : 'fail'}">
<div class="mark" aria-hidden="true">${page.ok ? '&#10003;' : '!'}</div>
<h1>${escapeHtml(page.title)}</h1>
${body}
<p class="note">This page comes from <code>pleo-postman login</code> on your own computer (127.0.0.1). You can close this tab now.</p>
</main></body></html>
`;
}
