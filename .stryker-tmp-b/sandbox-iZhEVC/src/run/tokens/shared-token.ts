// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { createHash, randomBytes } from 'node:crypto';
import { LOOPBACK_URL } from '../../generate/environments.js';

/** The environment values a token request needs (after `--env-var` overrides). */
export interface TokenEndpointValues {
  authServerUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  redirectUri: string;
  scopes: string;
}

/** A token every runner of a parallel run uses, so that only one acquisition ever happens. */
export interface SharedToken {
  accessToken: string;
  /** Epoch ms, as the collection's `accessTokenExpiresAt`; empty when the server gave no `expires_in`. */
  expiresAt: string;
  /** The newest refresh token of the grant ('' when none): the only one that may be sent again. */
  refreshToken: string;
}
export type SharedTokenResult = {
  kind: 'acquired';
  grant: 'refresh_token' | 'authorization_code';
  token: SharedToken;
  rotated: boolean;
} | {
  kind: 'none';
  reason: string;
} | {
  kind: 'failed';
  message: string;
};
export interface SharedTokenHooks {
  /**
   * Called with the new refresh token as soon as the server rotates the one sent, before anything
   * else is sent: the place to store it at once (e.g. `writeRefreshTokenFile`).
   */
  onRotated?: (refreshToken: string) => Promise<void> | void;
  fetch?: typeof fetch;
}

/** `application/x-www-form-urlencoded` of a client id or secret, as RFC 6749 §2.3.1 wants before Basic. */
const formEncode = stryMutAct_9fa48("534") ? () => undefined : (stryCov_9fa48("534"), (() => {
  const formEncode = (text: string): string => encodeURIComponent(text).replace(stryMutAct_9fa48("535") ? /[^!'()*]/g : (stryCov_9fa48("535"), /[!'()*]/g), stryMutAct_9fa48("536") ? () => undefined : (stryCov_9fa48("536"), c => stryMutAct_9fa48("537") ? `` : (stryCov_9fa48("537"), `%${stryMutAct_9fa48("538") ? c.charCodeAt(0).toString(16).toLowerCase() : (stryCov_9fa48("538"), c.charCodeAt(0).toString(16).toUpperCase())}`))).replace(/%20/g, stryMutAct_9fa48("539") ? "" : (stryCov_9fa48("539"), '+'));
  return formEncode;
})());

/** @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1) */
const basic = stryMutAct_9fa48("540") ? () => undefined : (stryCov_9fa48("540"), (() => {
  const basic = (v: TokenEndpointValues): string => stryMutAct_9fa48("541") ? `` : (stryCov_9fa48("541"), `Basic ${Buffer.from(stryMutAct_9fa48("542") ? `` : (stryCov_9fa48("542"), `${formEncode(v.clientId)}:${formEncode(v.clientSecret)}`)).toString(stryMutAct_9fa48("543") ? "" : (stryCov_9fa48("543"), 'base64'))}`);
  return basic;
})());
type TokenAnswer = {
  access_token?: unknown;
  refresh_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
};
async function tokenRequest(v: TokenEndpointValues, params: Record<string, string>, doFetch: typeof fetch): Promise<{
  ok: true;
  answer: TokenAnswer;
} | {
  ok: false;
  message: string;
}> {
  if (stryMutAct_9fa48("544")) {
    {}
  } else {
    stryCov_9fa48("544");
    let res: Response;
    try {
      if (stryMutAct_9fa48("545")) {
        {}
      } else {
        stryCov_9fa48("545");
        res = await doFetch(stryMutAct_9fa48("546") ? `` : (stryCov_9fa48("546"), `${v.authServerUrl}/oauth/token`), stryMutAct_9fa48("547") ? {} : (stryCov_9fa48("547"), {
          method: stryMutAct_9fa48("548") ? "" : (stryCov_9fa48("548"), 'POST'),
          headers: stryMutAct_9fa48("549") ? {} : (stryCov_9fa48("549"), {
            Authorization: basic(v),
            Accept: stryMutAct_9fa48("550") ? "" : (stryCov_9fa48("550"), 'application/json'),
            'Content-Type': stryMutAct_9fa48("551") ? "" : (stryCov_9fa48("551"), 'application/x-www-form-urlencoded')
          }),
          body: new URLSearchParams(params).toString()
        }));
      }
    } catch (error) {
      if (stryMutAct_9fa48("552")) {
        {}
      } else {
        stryCov_9fa48("552");
        return stryMutAct_9fa48("553") ? {} : (stryCov_9fa48("553"), {
          ok: stryMutAct_9fa48("554") ? true : (stryCov_9fa48("554"), false),
          message: stryMutAct_9fa48("555") ? `` : (stryCov_9fa48("555"), `token endpoint unreachable: ${(error as Error).message}`)
        });
      }
    }
    const answer = (await res.json().catch(() => ({}))) as TokenAnswer & {
      error?: unknown;
      error_description?: unknown;
    };
    if (stryMutAct_9fa48("558") ? res.status === 200 : stryMutAct_9fa48("557") ? false : stryMutAct_9fa48("556") ? true : (stryCov_9fa48("556", "557", "558"), res.status !== 200)) {
      if (stryMutAct_9fa48("559")) {
        {}
      } else {
        stryCov_9fa48("559");
        const detail = stryMutAct_9fa48("560") ? `` : (stryCov_9fa48("560"), `${answer.error ? stryMutAct_9fa48("561") ? `` : (stryCov_9fa48("561"), ` ${String(answer.error)}`) : stryMutAct_9fa48("562") ? "Stryker was here!" : (stryCov_9fa48("562"), '')}${answer.error_description ? stryMutAct_9fa48("563") ? `` : (stryCov_9fa48("563"), `: ${String(answer.error_description)}`) : stryMutAct_9fa48("564") ? "Stryker was here!" : (stryCov_9fa48("564"), '')}`);
        return stryMutAct_9fa48("565") ? {} : (stryCov_9fa48("565"), {
          ok: stryMutAct_9fa48("566") ? true : (stryCov_9fa48("566"), false),
          message: stryMutAct_9fa48("567") ? `` : (stryCov_9fa48("567"), `token endpoint answered ${res.status}${detail}`)
        });
      }
    }
    if (stryMutAct_9fa48("570") ? typeof answer.access_token !== 'string' && answer.access_token === '' : stryMutAct_9fa48("569") ? false : stryMutAct_9fa48("568") ? true : (stryCov_9fa48("568", "569", "570"), (stryMutAct_9fa48("572") ? typeof answer.access_token === 'string' : stryMutAct_9fa48("571") ? false : (stryCov_9fa48("571", "572"), typeof answer.access_token !== (stryMutAct_9fa48("573") ? "" : (stryCov_9fa48("573"), 'string')))) || (stryMutAct_9fa48("575") ? answer.access_token !== '' : stryMutAct_9fa48("574") ? false : (stryCov_9fa48("574", "575"), answer.access_token === (stryMutAct_9fa48("576") ? "Stryker was here!" : (stryCov_9fa48("576"), '')))))) return stryMutAct_9fa48("577") ? {} : (stryCov_9fa48("577"), {
      ok: stryMutAct_9fa48("578") ? true : (stryCov_9fa48("578"), false),
      message: stryMutAct_9fa48("579") ? "" : (stryCov_9fa48("579"), 'the token response has no access_token')
    });
    if (stryMutAct_9fa48("582") ? false : stryMutAct_9fa48("581") ? true : stryMutAct_9fa48("580") ? /^bearer$/i.test(String(answer.token_type)) : (stryCov_9fa48("580", "581", "582"), !(stryMutAct_9fa48("584") ? /^bearer/i : stryMutAct_9fa48("583") ? /bearer$/i : (stryCov_9fa48("583", "584"), /^bearer$/i)).test(String(answer.token_type)))) return stryMutAct_9fa48("585") ? {} : (stryCov_9fa48("585"), {
      ok: stryMutAct_9fa48("586") ? true : (stryCov_9fa48("586"), false),
      message: stryMutAct_9fa48("587") ? `` : (stryCov_9fa48("587"), `token_type is "${String(answer.token_type)}", not Bearer`)
    });
    return stryMutAct_9fa48("588") ? {} : (stryCov_9fa48("588"), {
      ok: stryMutAct_9fa48("589") ? false : (stryCov_9fa48("589"), true),
      answer
    });
  }
}
const tokenOf = stryMutAct_9fa48("590") ? () => undefined : (stryCov_9fa48("590"), (() => {
  const tokenOf = (answer: TokenAnswer, previousRefresh: string): SharedToken => stryMutAct_9fa48("591") ? {} : (stryCov_9fa48("591"), {
    accessToken: String(answer.access_token),
    expiresAt: answer.expires_in ? String(stryMutAct_9fa48("592") ? Date.now() - Number(answer.expires_in) * 1000 : (stryCov_9fa48("592"), Date.now() + (stryMutAct_9fa48("593") ? Number(answer.expires_in) / 1000 : (stryCov_9fa48("593"), Number(answer.expires_in) * 1000)))) : stryMutAct_9fa48("594") ? "Stryker was here!" : (stryCov_9fa48("594"), ''),
    refreshToken: (stryMutAct_9fa48("597") ? typeof answer.refresh_token === 'string' || answer.refresh_token : stryMutAct_9fa48("596") ? false : stryMutAct_9fa48("595") ? true : (stryCov_9fa48("595", "596", "597"), (stryMutAct_9fa48("599") ? typeof answer.refresh_token !== 'string' : stryMutAct_9fa48("598") ? true : (stryCov_9fa48("598", "599"), typeof answer.refresh_token === (stryMutAct_9fa48("600") ? "" : (stryCov_9fa48("600"), 'string')))) && answer.refresh_token)) ? answer.refresh_token : previousRefresh
  });
  return tokenOf;
})());

/**
 * Authorization Code with PKCE S256 against a loopback redirect whose authorisation server approves at
 * once (the local mock with auto-approve): the 302's `Location` carries the code.
 * @see [RFC 7636 §4](https://www.rfc-editor.org/rfc/rfc7636.html#section-4)
 */
async function byAuthorizationCode(v: TokenEndpointValues, doFetch: typeof fetch): Promise<SharedTokenResult> {
  if (stryMutAct_9fa48("601")) {
    {}
  } else {
    stryCov_9fa48("601");
    const verifier = randomBytes(48).toString(stryMutAct_9fa48("602") ? "" : (stryCov_9fa48("602"), 'base64url'));
    const state = randomBytes(18).toString(stryMutAct_9fa48("603") ? "" : (stryCov_9fa48("603"), 'base64url'));
    const query = new URLSearchParams(stryMutAct_9fa48("604") ? {} : (stryCov_9fa48("604"), {
      response_type: stryMutAct_9fa48("605") ? "" : (stryCov_9fa48("605"), 'code'),
      client_id: v.clientId,
      redirect_uri: v.redirectUri,
      scope: v.scopes,
      state,
      code_challenge: createHash(stryMutAct_9fa48("606") ? "" : (stryCov_9fa48("606"), 'sha256')).update(verifier).digest(stryMutAct_9fa48("607") ? "" : (stryCov_9fa48("607"), 'base64url')),
      code_challenge_method: stryMutAct_9fa48("608") ? "" : (stryCov_9fa48("608"), 'S256')
    }));
    let location: string | null;
    try {
      if (stryMutAct_9fa48("609")) {
        {}
      } else {
        stryCov_9fa48("609");
        const res = await doFetch(stryMutAct_9fa48("610") ? `` : (stryCov_9fa48("610"), `${v.authServerUrl}/oauth/authorize?${query}`), stryMutAct_9fa48("611") ? {} : (stryCov_9fa48("611"), {
          redirect: stryMutAct_9fa48("612") ? "" : (stryCov_9fa48("612"), 'manual')
        }));
        await res.arrayBuffer();
        location = res.headers.get(stryMutAct_9fa48("613") ? "" : (stryCov_9fa48("613"), 'location'));
      }
    } catch (error) {
      if (stryMutAct_9fa48("614")) {
        {}
      } else {
        stryCov_9fa48("614");
        return stryMutAct_9fa48("615") ? {} : (stryCov_9fa48("615"), {
          kind: stryMutAct_9fa48("616") ? "" : (stryCov_9fa48("616"), 'failed'),
          message: stryMutAct_9fa48("617") ? `` : (stryCov_9fa48("617"), `authorization endpoint unreachable: ${(error as Error).message}`)
        });
      }
    }
    const answer = location ? new URL(location, v.authServerUrl).searchParams : new URLSearchParams();
    const code = answer.get(stryMutAct_9fa48("618") ? "" : (stryCov_9fa48("618"), 'code'));
    if (stryMutAct_9fa48("621") ? false : stryMutAct_9fa48("620") ? true : stryMutAct_9fa48("619") ? code : (stryCov_9fa48("619", "620", "621"), !code)) {
      if (stryMutAct_9fa48("622")) {
        {}
      } else {
        stryCov_9fa48("622");
        const error = answer.get(stryMutAct_9fa48("623") ? "" : (stryCov_9fa48("623"), 'error'));
        return error ? stryMutAct_9fa48("624") ? {} : (stryCov_9fa48("624"), {
          kind: stryMutAct_9fa48("625") ? "" : (stryCov_9fa48("625"), 'failed'),
          message: stryMutAct_9fa48("626") ? `` : (stryCov_9fa48("626"), `authorization failed: ${error}`)
        }) : stryMutAct_9fa48("627") ? {} : (stryCov_9fa48("627"), {
          kind: stryMutAct_9fa48("628") ? "" : (stryCov_9fa48("628"), 'none'),
          reason: stryMutAct_9fa48("629") ? "" : (stryCov_9fa48("629"), 'no authorization code without a browser (start the mock with --auto-approve)')
        });
      }
    }
    if (stryMutAct_9fa48("632") ? answer.get('state') === state : stryMutAct_9fa48("631") ? false : stryMutAct_9fa48("630") ? true : (stryCov_9fa48("630", "631", "632"), answer.get(stryMutAct_9fa48("633") ? "" : (stryCov_9fa48("633"), 'state')) !== state)) return stryMutAct_9fa48("634") ? {} : (stryCov_9fa48("634"), {
      kind: stryMutAct_9fa48("635") ? "" : (stryCov_9fa48("635"), 'failed'),
      message: stryMutAct_9fa48("636") ? "" : (stryCov_9fa48("636"), 'the redirect carried another state (RFC 6749 §10.12)')
    });
    const exchanged = await tokenRequest(v, stryMutAct_9fa48("637") ? {} : (stryCov_9fa48("637"), {
      grant_type: stryMutAct_9fa48("638") ? "" : (stryCov_9fa48("638"), 'authorization_code'),
      code,
      redirect_uri: v.redirectUri,
      code_verifier: verifier
    }), doFetch);
    if (stryMutAct_9fa48("641") ? false : stryMutAct_9fa48("640") ? true : stryMutAct_9fa48("639") ? exchanged.ok : (stryCov_9fa48("639", "640", "641"), !exchanged.ok)) return stryMutAct_9fa48("642") ? {} : (stryCov_9fa48("642"), {
      kind: stryMutAct_9fa48("643") ? "" : (stryCov_9fa48("643"), 'failed'),
      message: exchanged.message
    });
    return stryMutAct_9fa48("644") ? {} : (stryCov_9fa48("644"), {
      kind: stryMutAct_9fa48("645") ? "" : (stryCov_9fa48("645"), 'acquired'),
      grant: stryMutAct_9fa48("646") ? "" : (stryCov_9fa48("646"), 'authorization_code'),
      token: tokenOf(exchanged.answer, stryMutAct_9fa48("647") ? "Stryker was here!" : (stryCov_9fa48("647"), '')),
      rotated: stryMutAct_9fa48("648") ? true : (stryCov_9fa48("648"), false)
    });
  }
}

/**
 * Gets the one token a parallel run shares, the way the collection's own pre-request script would:
 * with a refresh token by the refresh_token grant (sent once: Pleo rotates it, and a replay revokes the
 * grant; the rotated one goes to `onRotated` before this returns), else by Authorization Code with
 * PKCE against a loopback redirect (the local mock), else none.
 * @see [RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749.html#section-6)
 */
export async function acquireSharedToken(v: TokenEndpointValues, hooks: SharedTokenHooks = {}): Promise<SharedTokenResult> {
  if (stryMutAct_9fa48("649")) {
    {}
  } else {
    stryCov_9fa48("649");
    const doFetch = stryMutAct_9fa48("650") ? hooks.fetch && fetch : (stryCov_9fa48("650"), hooks.fetch ?? fetch);
    if (stryMutAct_9fa48("652") ? false : stryMutAct_9fa48("651") ? true : (stryCov_9fa48("651", "652"), v.refreshToken)) {
      if (stryMutAct_9fa48("653")) {
        {}
      } else {
        stryCov_9fa48("653");
        const refreshed = await tokenRequest(v, stryMutAct_9fa48("654") ? {} : (stryCov_9fa48("654"), {
          grant_type: stryMutAct_9fa48("655") ? "" : (stryCov_9fa48("655"), 'refresh_token'),
          refresh_token: v.refreshToken
        }), doFetch);
        if (stryMutAct_9fa48("658") ? false : stryMutAct_9fa48("657") ? true : stryMutAct_9fa48("656") ? refreshed.ok : (stryCov_9fa48("656", "657", "658"), !refreshed.ok)) return stryMutAct_9fa48("659") ? {} : (stryCov_9fa48("659"), {
          kind: stryMutAct_9fa48("660") ? "" : (stryCov_9fa48("660"), 'failed'),
          message: refreshed.message
        });
        const token = tokenOf(refreshed.answer, v.refreshToken);
        const rotated = stryMutAct_9fa48("663") ? token.refreshToken === v.refreshToken : stryMutAct_9fa48("662") ? false : stryMutAct_9fa48("661") ? true : (stryCov_9fa48("661", "662", "663"), token.refreshToken !== v.refreshToken);
        if (stryMutAct_9fa48("665") ? false : stryMutAct_9fa48("664") ? true : (stryCov_9fa48("664", "665"), rotated)) await (stryMutAct_9fa48("666") ? hooks.onRotated(token.refreshToken) : (stryCov_9fa48("666"), hooks.onRotated?.(token.refreshToken)));
        return stryMutAct_9fa48("667") ? {} : (stryCov_9fa48("667"), {
          kind: stryMutAct_9fa48("668") ? "" : (stryCov_9fa48("668"), 'acquired'),
          grant: stryMutAct_9fa48("669") ? "" : (stryCov_9fa48("669"), 'refresh_token'),
          token,
          rotated
        });
      }
    }
    if (stryMutAct_9fa48("671") ? false : stryMutAct_9fa48("670") ? true : (stryCov_9fa48("670", "671"), LOOPBACK_URL.test(v.redirectUri))) return byAuthorizationCode(v, doFetch);
    return stryMutAct_9fa48("672") ? {} : (stryCov_9fa48("672"), {
      kind: stryMutAct_9fa48("673") ? "" : (stryCov_9fa48("673"), 'none'),
      reason: stryMutAct_9fa48("674") ? "" : (stryCov_9fa48("674"), 'no refresh token and no loopback redirect URI')
    });
  }
}