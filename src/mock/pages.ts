import type { RegisteredClient } from './clients.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}ul{padding-left:1.2rem}li{margin:.4rem 0}code{background:#f2f2f2;padding:0 .2rem}
.actions{display:flex;gap:1rem;margin-top:1.5rem}button{font-size:1rem;padding:.5rem 1.4rem;border-radius:.4rem;border:1px solid #888;cursor:pointer}
button[value=approve]{background:#1a7f37;color:#fff;border-color:#1a7f37}.note{color:#666;font-size:.85rem}`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${content}</body></html>
`;
}

export interface ConsentView {
  client: RegisteredClient;
  scopes: Array<{ name: string; description: string }>;
  redirectUri: string;
  /** The authorization request's parameters, posted back with the decision. */
  params: Record<string, string>;
  /** Where the decision is posted: the authorization endpoint's path. */
  action: string;
}

/**
 * The consent screen: who asks, for which scopes, Approve or Deny.
 * @see [RFC 6749 §4.1.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.1)
 */
export function renderConsentPage(view: ConsentView): string {
  const hidden = Object.entries(view.params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const scopes =
    view.scopes.length === 0
      ? '<li>no scopes</li>'
      : view.scopes.map((s) => `<li><code>${escapeHtml(s.name)}</code>: ${escapeHtml(s.description)}</li>`).join('\n');
  return page(
    'Authorise access (local Pleo mock)',
    `
<h1><strong>${escapeHtml(view.client.name)}</strong> wants to access your Pleo account</h1>
<p>It asks for these scopes:</p>
<ul>
${scopes}
</ul>
<p class="note">You will be sent back to <code>${escapeHtml(view.redirectUri)}</code>.</p>
<form method="post" action="${escapeHtml(view.action)}">
${hidden}
<div class="actions"><button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></div>
</form>
<p class="note">pleo-postman local mock: no real Pleo account is involved.</p>`,
  );
}

/** An authorization error that must not be redirected (unknown client or redirect URI). */
export function renderErrorPage(title: string, message: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p class="note">pleo-postman local mock: the client was not sent back, because its identity or redirect URI could not be trusted.</p>`,
  );
}
