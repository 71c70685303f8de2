const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** RFC 3986 §5.2.4: `.` and `..` segments removed (also their percent-encoded spellings). */
function withoutDotSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    const s = segment.replace(/%2e/gi, '.');
    if (s === '.') continue;
    if (s === '..') out.pop();
    else out.push(segment);
  }
  return out.filter((s, i) => s !== '' || i === 0).join('/');
}

/**
 * A URL as the server it reaches sees it, for comparing: scheme and host lower-cased, user info and a
 * trailing dot of the host dropped, the scheme's default port dropped, dot segments resolved, empty
 * segments and a trailing slash dropped, query and fragment ignored. Undefined when it is not an
 * absolute http(s) URL. Pure; the collection's write guard has the same rule in ES5
 * (src/generate/sandbox/write-guard.js).
 */
export function normalisedUrl(url: string): string | undefined {
  const match = /^\s*([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!match) return undefined;
  const scheme = (match[1] ?? '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const authority = (match[2] ?? '').replace(/^.*@/, '').toLowerCase();
  const port = /:(\d*)$/.exec(authority);
  let host = port ? authority.slice(0, port.index) : authority;
  host = host.replace(/\.$/, '');
  const portText = port?.[1] ? String(Number(port[1])) : '';
  const hostPort = portText && portText !== DEFAULT_PORT[scheme] ? `${host}:${portText}` : host;
  const path = withoutDotSegments(match[3] ?? '').replace(/\/+$/, '');
  return `${scheme}://${hostPort}${path}`;
}

/** Whether `url` is the production API or any path under it, however it is spelt. */
export function isUnderProduction(url: string, productionApiBaseUrl: string): boolean {
  const target = normalisedUrl(url);
  const production = normalisedUrl(productionApiBaseUrl);
  if (target === undefined || production === undefined) return false;
  return target === production || target.startsWith(`${production}/`);
}
