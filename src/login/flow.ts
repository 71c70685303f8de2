import { ERROR_CODES, UserError } from '../errors.js';
import { startCallbackListener, type Callback } from './callback-listener.js';
import { renderResultPage } from './pages.js';
import { authorizationUrl, codeChallengeS256, createCodeVerifier, createState, sameState } from './pkce.js';
import { assertReachable, exchangeCode } from './token-exchange.js';

export const DEFAULT_LOGIN_PORT = 8788;
export const LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface LoginOptions {
  /** The authorization endpoint and the token endpoint, the description's (auth-endpoints.ts). */
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-delimited scopes to ask for. */
  scope: string;
  /** Loopback port of the redirect URI; 0 picks a free one (only for servers that accept any port). */
  port: number;
  /** Shown in the browser: "staging", "production", … */
  environment: string;
  /** Told the URL to open before anything waits for the browser (always: the user may need to open it by hand). */
  onAuthorizeUrl: (url: string) => void;
  /** Opens the URL in a browser; leave out for `--no-open`. */
  openBrowser?: (url: string) => Promise<void>;
  /** Keeps the refresh token (the store, or stdout for --print), before the browser is told that it worked. */
  keep: (refreshToken: string) => void | Promise<void>;
  /** Where `keep` puts the token, in words, for the browser page ("in ~/.config/…", "in the terminal"). */
  keptWhere: string;
  timeoutMs?: number;
}

export interface LoginResult {
  redirectUri: string;
  /** The scope the server granted, when it said. */
  scope?: string;
}

const failurePage = (title: string, ...lines: string[]) => renderResultPage({ ok: false, title, lines });

/** What the browser brought back, as the error to throw (or undefined: a code with the right state). */
function callbackProblem(params: URLSearchParams, state: string): { error: UserError; page: string } | undefined {
  const error = params.get('error');
  if (error === 'access_denied') {
    return {
      error: new UserError(
        'login: access was denied in the browser (access_denied); nothing was stored. Run login again and choose Approve to give pleo-postman a token',
        ERROR_CODES.LOGIN_DENIED,
      ),
      page: failurePage(
        'Access denied',
        'You chose not to give pleo-postman access, so nothing was stored.',
        'To try again, run `pleo-postman login` in your terminal.',
      ),
    };
  }
  if (!sameState(state, params.get('state'))) {
    return {
      error: new UserError(
        'login: the browser came back with a state that this login did not send (RFC 6749 §10.12), so its answer was ignored and nothing was stored; run login again, and only open the URL it prints',
        ERROR_CODES.LOGIN_STATE_MISMATCH,
      ),
      page: failurePage(
        'This login could not be verified',
        'The answer did not belong to the login running in your terminal, so it was ignored and nothing was stored.',
        'Run `pleo-postman login` again and use the link it prints.',
      ),
    };
  }
  if (error !== null) {
    const description = params.get('error_description');
    return {
      error: new UserError(
        `login: the authorisation server answered ${error}${description ? `: ${description}` : ''}; nothing was stored`,
        ERROR_CODES.LOGIN_FAILED,
      ),
      page: failurePage(
        'Login failed',
        `The authorisation server answered \`${error}\`${description ? `: ${description}` : ''}.`,
        'Nothing was stored. Check the message in your terminal.',
      ),
    };
  }
  if (!params.get('code')) {
    return {
      error: new UserError('login: the browser came back without a code; nothing was stored', ERROR_CODES.LOGIN_FAILED),
      page: failurePage('Login failed', 'The answer carried no authorization code. Nothing was stored.'),
    };
  }
  return undefined;
}

function timeout(ms: number): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UserError(
            `login: no answer from the browser within ${Math.round(ms / 60_000) >= 1 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`}; nothing was stored. Run login again and finish it in the browser`,
            ERROR_CODES.LOGIN_TIMEOUT,
          ),
        ),
      ms,
    );
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * The OAuth 2.0 native-app login (RFC 8252): a one-shot listener on `http://127.0.0.1:PORT/callback`,
 * the browser sent to the authorization endpoint with PKCE S256 and a random state, the state
 * checked, the code exchanged with the client in a Basic header, and the refresh token handed to `keep`.
 * The browser tab is told in plain words whether it worked.
 * @see [RFC 8252 §7.3](https://www.rfc-editor.org/rfc/rfc8252.html#section-7.3)
 */
export async function login(options: LoginOptions): Promise<LoginResult> {
  await assertReachable(options.authorizeUrl);
  const state = createState();
  // Only the answer to this login's own request ends it: a visit with another state is ignored.
  const listener = await startCallbackListener(options.port, (params) => sameState(state, params.get('state')));
  const clock = timeout(options.timeoutMs ?? LOGIN_TIMEOUT_MS);
  let opening: Promise<unknown> | undefined;
  try {
    const verifier = createCodeVerifier();
    const url = authorizationUrl({
      authorizeUrl: options.authorizeUrl,
      clientId: options.clientId,
      redirectUri: listener.redirectUri,
      scope: options.scope,
      state,
      codeChallenge: codeChallengeS256(verifier),
    });
    options.onAuthorizeUrl(url);
    // Not awaited before the callback: a browser's visit may be what this promise waits for. Its
    // failure is not fatal, since the URL has been printed.
    opening = options.openBrowser?.(url).catch(() => undefined);
    const callback: Callback = await Promise.race([listener.callback, clock.promise]);
    const problem = callbackProblem(callback.params, state);
    if (problem) {
      await callback.answer(400, problem.page);
      throw problem.error;
    }
    try {
      const tokens = await exchangeCode({
        tokenUrl: options.tokenUrl,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        code: callback.params.get('code') ?? '',
        redirectUri: listener.redirectUri,
        codeVerifier: verifier,
      });
      await options.keep(tokens.refreshToken);
      await callback.answer(
        200,
        renderResultPage({
          ok: true,
          title: 'Login worked',
          lines: [
            `pleo-postman is logged in to Pleo ${options.environment} as client \`${options.clientId}\`.`,
            `Its refresh token is ${options.keptWhere}. The token itself is never shown here.`,
          ],
        }),
      );
      return { redirectUri: listener.redirectUri, ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}) };
    } catch (error) {
      await callback.answer(
        502,
        failurePage(
          'Login failed',
          error instanceof UserError
            ? error.message.replace(/^login: /, '')
            : 'pleo-postman could not finish the login.',
          'Nothing was stored. Check the message in your terminal.',
        ),
      );
      throw error;
    }
  } finally {
    clock.cancel();
    await listener.close();
    await opening;
  }
}
