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
const formEncode = stryMutAct_9fa48("268") ? () => undefined : (stryCov_9fa48("268"), (() => {
  const formEncode = (text: string): string => encodeURIComponent(text).replace(stryMutAct_9fa48("269") ? /[^!'()*]/g : (stryCov_9fa48("269"), /[!'()*]/g), stryMutAct_9fa48("270") ? () => undefined : (stryCov_9fa48("270"), c => stryMutAct_9fa48("271") ? `` : (stryCov_9fa48("271"), `%${stryMutAct_9fa48("272") ? c.charCodeAt(0).toString(16).toLowerCase() : (stryCov_9fa48("272"), c.charCodeAt(0).toString(16).toUpperCase())}`))).replace(/%20/g, stryMutAct_9fa48("273") ? "" : (stryCov_9fa48("273"), '+'));
  return formEncode;
})());

/** @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1) */
const basic = stryMutAct_9fa48("274") ? () => undefined : (stryCov_9fa48("274"), (() => {
  const basic = (v: TokenEndpointValues): string => stryMutAct_9fa48("275") ? `` : (stryCov_9fa48("275"), `Basic ${Buffer.from(stryMutAct_9fa48("276") ? `` : (stryCov_9fa48("276"), `${formEncode(v.clientId)}:${formEncode(v.clientSecret)}`)).toString(stryMutAct_9fa48("277") ? "" : (stryCov_9fa48("277"), 'base64'))}`);
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
  if (stryMutAct_9fa48("278")) {
    {}
  } else {
    stryCov_9fa48("278");
    let res: Response;
    try {
      if (stryMutAct_9fa48("279")) {
        {}
      } else {
        stryCov_9fa48("279");
        res = await doFetch(stryMutAct_9fa48("280") ? `` : (stryCov_9fa48("280"), `${v.authServerUrl}/oauth/token`), stryMutAct_9fa48("281") ? {} : (stryCov_9fa48("281"), {
          method: stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), 'POST'),
          headers: stryMutAct_9fa48("283") ? {} : (stryCov_9fa48("283"), {
            Authorization: basic(v),
            Accept: stryMutAct_9fa48("284") ? "" : (stryCov_9fa48("284"), 'application/json'),
            'Content-Type': stryMutAct_9fa48("285") ? "" : (stryCov_9fa48("285"), 'application/x-www-form-urlencoded')
          }),
          body: new URLSearchParams(params).toString()
        }));
      }
    } catch (error) {
      if (stryMutAct_9fa48("286")) {
        {}
      } else {
        stryCov_9fa48("286");
        return stryMutAct_9fa48("287") ? {} : (stryCov_9fa48("287"), {
          ok: stryMutAct_9fa48("288") ? true : (stryCov_9fa48("288"), false),
          message: stryMutAct_9fa48("289") ? `` : (stryCov_9fa48("289"), `token endpoint unreachable: ${(error as Error).message}`)
        });
      }
    }
    const answer = (await res.json().catch(() => ({}))) as TokenAnswer & {
      error?: unknown;
      error_description?: unknown;
    };
    if (stryMutAct_9fa48("292") ? res.status === 200 : stryMutAct_9fa48("291") ? false : stryMutAct_9fa48("290") ? true : (stryCov_9fa48("290", "291", "292"), res.status !== 200)) {
      if (stryMutAct_9fa48("293")) {
        {}
      } else {
        stryCov_9fa48("293");
        const detail = stryMutAct_9fa48("294") ? `` : (stryCov_9fa48("294"), `${answer.error ? stryMutAct_9fa48("295") ? `` : (stryCov_9fa48("295"), ` ${String(answer.error)}`) : stryMutAct_9fa48("296") ? "Stryker was here!" : (stryCov_9fa48("296"), '')}${answer.error_description ? stryMutAct_9fa48("297") ? `` : (stryCov_9fa48("297"), `: ${String(answer.error_description)}`) : stryMutAct_9fa48("298") ? "Stryker was here!" : (stryCov_9fa48("298"), '')}`);
        return stryMutAct_9fa48("299") ? {} : (stryCov_9fa48("299"), {
          ok: stryMutAct_9fa48("300") ? true : (stryCov_9fa48("300"), false),
          message: stryMutAct_9fa48("301") ? `` : (stryCov_9fa48("301"), `token endpoint answered ${res.status}${detail}`)
        });
      }
    }
    if (stryMutAct_9fa48("304") ? typeof answer.access_token !== 'string' && answer.access_token === '' : stryMutAct_9fa48("303") ? false : stryMutAct_9fa48("302") ? true : (stryCov_9fa48("302", "303", "304"), (stryMutAct_9fa48("306") ? typeof answer.access_token === 'string' : stryMutAct_9fa48("305") ? false : (stryCov_9fa48("305", "306"), typeof answer.access_token !== (stryMutAct_9fa48("307") ? "" : (stryCov_9fa48("307"), 'string')))) || (stryMutAct_9fa48("309") ? answer.access_token !== '' : stryMutAct_9fa48("308") ? false : (stryCov_9fa48("308", "309"), answer.access_token === (stryMutAct_9fa48("310") ? "Stryker was here!" : (stryCov_9fa48("310"), '')))))) return stryMutAct_9fa48("311") ? {} : (stryCov_9fa48("311"), {
      ok: stryMutAct_9fa48("312") ? true : (stryCov_9fa48("312"), false),
      message: stryMutAct_9fa48("313") ? "" : (stryCov_9fa48("313"), 'the token response has no access_token')
    });
    if (stryMutAct_9fa48("316") ? false : stryMutAct_9fa48("315") ? true : stryMutAct_9fa48("314") ? /^bearer$/i.test(String(answer.token_type)) : (stryCov_9fa48("314", "315", "316"), !(stryMutAct_9fa48("318") ? /^bearer/i : stryMutAct_9fa48("317") ? /bearer$/i : (stryCov_9fa48("317", "318"), /^bearer$/i)).test(String(answer.token_type)))) return stryMutAct_9fa48("319") ? {} : (stryCov_9fa48("319"), {
      ok: stryMutAct_9fa48("320") ? true : (stryCov_9fa48("320"), false),
      message: stryMutAct_9fa48("321") ? `` : (stryCov_9fa48("321"), `token_type is "${String(answer.token_type)}", not Bearer`)
    });
    return stryMutAct_9fa48("322") ? {} : (stryCov_9fa48("322"), {
      ok: stryMutAct_9fa48("323") ? false : (stryCov_9fa48("323"), true),
      answer
    });
  }
}
const tokenOf = stryMutAct_9fa48("324") ? () => undefined : (stryCov_9fa48("324"), (() => {
  const tokenOf = (answer: TokenAnswer, previousRefresh: string): SharedToken => stryMutAct_9fa48("325") ? {} : (stryCov_9fa48("325"), {
    accessToken: String(answer.access_token),
    expiresAt: answer.expires_in ? String(stryMutAct_9fa48("326") ? Date.now() - Number(answer.expires_in) * 1000 : (stryCov_9fa48("326"), Date.now() + (stryMutAct_9fa48("327") ? Number(answer.expires_in) / 1000 : (stryCov_9fa48("327"), Number(answer.expires_in) * 1000)))) : stryMutAct_9fa48("328") ? "Stryker was here!" : (stryCov_9fa48("328"), ''),
    refreshToken: (stryMutAct_9fa48("331") ? typeof answer.refresh_token === 'string' || answer.refresh_token : stryMutAct_9fa48("330") ? false : stryMutAct_9fa48("329") ? true : (stryCov_9fa48("329", "330", "331"), (stryMutAct_9fa48("333") ? typeof answer.refresh_token !== 'string' : stryMutAct_9fa48("332") ? true : (stryCov_9fa48("332", "333"), typeof answer.refresh_token === (stryMutAct_9fa48("334") ? "" : (stryCov_9fa48("334"), 'string')))) && answer.refresh_token)) ? answer.refresh_token : previousRefresh
  });
  return tokenOf;
})());

/**
 * Authorization Code with PKCE S256 against a loopback redirect whose authorisation server approves at
 * once (the local mock with auto-approve): the 302's `Location` carries the code.
 * @see [RFC 7636 §4](https://www.rfc-editor.org/rfc/rfc7636.html#section-4)
 */
async function byAuthorizationCode(v: TokenEndpointValues, doFetch: typeof fetch): Promise<SharedTokenResult> {
  if (stryMutAct_9fa48("335")) {
    {}
  } else {
    stryCov_9fa48("335");
    const verifier = randomBytes(48).toString(stryMutAct_9fa48("336") ? "" : (stryCov_9fa48("336"), 'base64url'));
    const state = randomBytes(18).toString(stryMutAct_9fa48("337") ? "" : (stryCov_9fa48("337"), 'base64url'));
    const query = new URLSearchParams(stryMutAct_9fa48("338") ? {} : (stryCov_9fa48("338"), {
      response_type: stryMutAct_9fa48("339") ? "" : (stryCov_9fa48("339"), 'code'),
      client_id: v.clientId,
      redirect_uri: v.redirectUri,
      scope: v.scopes,
      state,
      code_challenge: createHash(stryMutAct_9fa48("340") ? "" : (stryCov_9fa48("340"), 'sha256')).update(verifier).digest(stryMutAct_9fa48("341") ? "" : (stryCov_9fa48("341"), 'base64url')),
      code_challenge_method: stryMutAct_9fa48("342") ? "" : (stryCov_9fa48("342"), 'S256')
    }));
    let location: string | null;
    try {
      if (stryMutAct_9fa48("343")) {
        {}
      } else {
        stryCov_9fa48("343");
        const res = await doFetch(stryMutAct_9fa48("344") ? `` : (stryCov_9fa48("344"), `${v.authServerUrl}/oauth/authorize?${query}`), stryMutAct_9fa48("345") ? {} : (stryCov_9fa48("345"), {
          redirect: stryMutAct_9fa48("346") ? "" : (stryCov_9fa48("346"), 'manual')
        }));
        await res.arrayBuffer();
        location = res.headers.get(stryMutAct_9fa48("347") ? "" : (stryCov_9fa48("347"), 'location'));
      }
    } catch (error) {
      if (stryMutAct_9fa48("348")) {
        {}
      } else {
        stryCov_9fa48("348");
        return stryMutAct_9fa48("349") ? {} : (stryCov_9fa48("349"), {
          kind: stryMutAct_9fa48("350") ? "" : (stryCov_9fa48("350"), 'failed'),
          message: stryMutAct_9fa48("351") ? `` : (stryCov_9fa48("351"), `authorization endpoint unreachable: ${(error as Error).message}`)
        });
      }
    }
    const answer = location ? new URL(location, v.authServerUrl).searchParams : new URLSearchParams();
    const code = answer.get(stryMutAct_9fa48("352") ? "" : (stryCov_9fa48("352"), 'code'));
    if (stryMutAct_9fa48("355") ? false : stryMutAct_9fa48("354") ? true : stryMutAct_9fa48("353") ? code : (stryCov_9fa48("353", "354", "355"), !code)) {
      if (stryMutAct_9fa48("356")) {
        {}
      } else {
        stryCov_9fa48("356");
        const error = answer.get(stryMutAct_9fa48("357") ? "" : (stryCov_9fa48("357"), 'error'));
        return error ? stryMutAct_9fa48("358") ? {} : (stryCov_9fa48("358"), {
          kind: stryMutAct_9fa48("359") ? "" : (stryCov_9fa48("359"), 'failed'),
          message: stryMutAct_9fa48("360") ? `` : (stryCov_9fa48("360"), `authorization failed: ${error}`)
        }) : stryMutAct_9fa48("361") ? {} : (stryCov_9fa48("361"), {
          kind: stryMutAct_9fa48("362") ? "" : (stryCov_9fa48("362"), 'none'),
          reason: stryMutAct_9fa48("363") ? "" : (stryCov_9fa48("363"), 'no authorization code without a browser (start the mock with --auto-approve)')
        });
      }
    }
    if (stryMutAct_9fa48("366") ? answer.get('state') === state : stryMutAct_9fa48("365") ? false : stryMutAct_9fa48("364") ? true : (stryCov_9fa48("364", "365", "366"), answer.get(stryMutAct_9fa48("367") ? "" : (stryCov_9fa48("367"), 'state')) !== state)) return stryMutAct_9fa48("368") ? {} : (stryCov_9fa48("368"), {
      kind: stryMutAct_9fa48("369") ? "" : (stryCov_9fa48("369"), 'failed'),
      message: stryMutAct_9fa48("370") ? "" : (stryCov_9fa48("370"), 'the redirect carried another state (RFC 6749 §10.12)')
    });
    const exchanged = await tokenRequest(v, stryMutAct_9fa48("371") ? {} : (stryCov_9fa48("371"), {
      grant_type: stryMutAct_9fa48("372") ? "" : (stryCov_9fa48("372"), 'authorization_code'),
      code,
      redirect_uri: v.redirectUri,
      code_verifier: verifier
    }), doFetch);
    if (stryMutAct_9fa48("375") ? false : stryMutAct_9fa48("374") ? true : stryMutAct_9fa48("373") ? exchanged.ok : (stryCov_9fa48("373", "374", "375"), !exchanged.ok)) return stryMutAct_9fa48("376") ? {} : (stryCov_9fa48("376"), {
      kind: stryMutAct_9fa48("377") ? "" : (stryCov_9fa48("377"), 'failed'),
      message: exchanged.message
    });
    return stryMutAct_9fa48("378") ? {} : (stryCov_9fa48("378"), {
      kind: stryMutAct_9fa48("379") ? "" : (stryCov_9fa48("379"), 'acquired'),
      grant: stryMutAct_9fa48("380") ? "" : (stryCov_9fa48("380"), 'authorization_code'),
      token: tokenOf(exchanged.answer, stryMutAct_9fa48("381") ? "Stryker was here!" : (stryCov_9fa48("381"), '')),
      rotated: stryMutAct_9fa48("382") ? true : (stryCov_9fa48("382"), false)
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
  if (stryMutAct_9fa48("383")) {
    {}
  } else {
    stryCov_9fa48("383");
    const doFetch = stryMutAct_9fa48("384") ? hooks.fetch && fetch : (stryCov_9fa48("384"), hooks.fetch ?? fetch);
    if (stryMutAct_9fa48("386") ? false : stryMutAct_9fa48("385") ? true : (stryCov_9fa48("385", "386"), v.refreshToken)) {
      if (stryMutAct_9fa48("387")) {
        {}
      } else {
        stryCov_9fa48("387");
        const refreshed = await tokenRequest(v, stryMutAct_9fa48("388") ? {} : (stryCov_9fa48("388"), {
          grant_type: stryMutAct_9fa48("389") ? "" : (stryCov_9fa48("389"), 'refresh_token'),
          refresh_token: v.refreshToken
        }), doFetch);
        if (stryMutAct_9fa48("392") ? false : stryMutAct_9fa48("391") ? true : stryMutAct_9fa48("390") ? refreshed.ok : (stryCov_9fa48("390", "391", "392"), !refreshed.ok)) return stryMutAct_9fa48("393") ? {} : (stryCov_9fa48("393"), {
          kind: stryMutAct_9fa48("394") ? "" : (stryCov_9fa48("394"), 'failed'),
          message: refreshed.message
        });
        const token = tokenOf(refreshed.answer, v.refreshToken);
        const rotated = stryMutAct_9fa48("397") ? token.refreshToken === v.refreshToken : stryMutAct_9fa48("396") ? false : stryMutAct_9fa48("395") ? true : (stryCov_9fa48("395", "396", "397"), token.refreshToken !== v.refreshToken);
        if (stryMutAct_9fa48("399") ? false : stryMutAct_9fa48("398") ? true : (stryCov_9fa48("398", "399"), rotated)) await (stryMutAct_9fa48("400") ? hooks.onRotated(token.refreshToken) : (stryCov_9fa48("400"), hooks.onRotated?.(token.refreshToken)));
        return stryMutAct_9fa48("401") ? {} : (stryCov_9fa48("401"), {
          kind: stryMutAct_9fa48("402") ? "" : (stryCov_9fa48("402"), 'acquired'),
          grant: stryMutAct_9fa48("403") ? "" : (stryCov_9fa48("403"), 'refresh_token'),
          token,
          rotated
        });
      }
    }
    if (stryMutAct_9fa48("405") ? false : stryMutAct_9fa48("404") ? true : (stryCov_9fa48("404", "405"), LOOPBACK_URL.test(v.redirectUri))) return byAuthorizationCode(v, doFetch);
    return stryMutAct_9fa48("406") ? {} : (stryCov_9fa48("406"), {
      kind: stryMutAct_9fa48("407") ? "" : (stryCov_9fa48("407"), 'none'),
      reason: stryMutAct_9fa48("408") ? "" : (stryCov_9fa48("408"), 'no refresh token and no loopback redirect URI')
    });
  }
}