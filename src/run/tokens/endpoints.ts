import {
  DEFAULT_ENDPOINT_TEMPLATES,
  endpointUrls,
  templatePath,
  type EndpointTemplates,
} from '../../description/index.js';

interface AuthJson {
  type?: unknown;
  oauth2?: Array<{ key?: unknown; value?: unknown }>;
}

/**
 * The OAuth 2.0 endpoints a collection names: its auth block's `authUrl`, `accessTokenUrl` and
 * `refreshTokenUrl`, as the generator writes them from the description (src/generate/auth.ts,
 * auth-endpoints.ts), so the harness asks where the collection does; a collection without them gets
 * Pleo's, and one without a refresh URL refreshes at its token URL.
 */
export function collectionEndpoints(collection: { auth?: unknown }): EndpointTemplates {
  const auth = collection.auth as AuthJson | undefined;
  const entries = auth?.type === 'oauth2' && Array.isArray(auth.oauth2) ? auth.oauth2 : [];
  const entry = (key: string) => {
    const value = entries.find((e) => e.key === key)?.value;
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const token = entry('accessTokenUrl') ?? DEFAULT_ENDPOINT_TEMPLATES.token;
  return {
    authorize: entry('authUrl') ?? DEFAULT_ENDPOINT_TEMPLATES.authorize,
    token,
    refresh: entry('refreshTokenUrl') ?? token,
  };
}

/** The endpoints' URLs of a run: the collection's templates, filled from the environment and its overrides. */
export const runEndpointUrls = (collection: { auth?: unknown }, value: (name: string) => string): EndpointTemplates =>
  endpointUrls(collectionEndpoints(collection), value);

/** The URLs a token answer (and so a rotated refresh token) comes from: the token URL, and the refresh URL if it is another. */
export const tokenAndRefreshUrls = (urls: EndpointTemplates): string[] =>
  urls.refresh === urls.token ? [urls.token] : [urls.token, urls.refresh];

/** The paths of a collection's token and refresh endpoints: a POST there is a token request, not an API write. */
export function collectionTokenPaths(collection: { auth?: unknown }): string[] {
  const { token, refresh } = collectionEndpoints(collection);
  return [...new Set([templatePath(token), templatePath(refresh)])];
}
