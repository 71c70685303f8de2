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
import { ERROR_CODES, UserError } from '../errors.js';

/** A client credential encoded for HTTP Basic as RFC 6749 §2.3.1 asks (form-encoding first). */
function formEncode(text: string): string {
  if (stryMutAct_9fa48("95")) {
    {}
  } else {
    stryCov_9fa48("95");
    return encodeURIComponent(text).replace(stryMutAct_9fa48("96") ? /[^!'()*]/g : (stryCov_9fa48("96"), /[!'()*]/g), stryMutAct_9fa48("97") ? () => undefined : (stryCov_9fa48("97"), c => stryMutAct_9fa48("98") ? `` : (stryCov_9fa48("98"), `%${stryMutAct_9fa48("99") ? c.charCodeAt(0).toString(16).toLowerCase() : (stryCov_9fa48("99"), c.charCodeAt(0).toString(16).toUpperCase())}`))).replace(/%20/g, stryMutAct_9fa48("100") ? "" : (stryCov_9fa48("100"), '+'));
  }
}

/** @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1) */
export const basicAuthorization = stryMutAct_9fa48("101") ? () => undefined : (stryCov_9fa48("101"), (() => {
  const basicAuthorization = (clientId: string, clientSecret: string) => stryMutAct_9fa48("102") ? `` : (stryCov_9fa48("102"), `Basic ${Buffer.from(stryMutAct_9fa48("103") ? `` : (stryCov_9fa48("103"), `${formEncode(clientId)}:${formEncode(clientSecret)}`)).toString(stryMutAct_9fa48("104") ? "" : (stryCov_9fa48("104"), 'base64'))}`);
  return basicAuthorization;
})());
export interface CodeExchange {
  authServerUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  codeVerifier: string;
}
export interface TokenResponse {
  refreshToken: string;
  scope?: string;
}

/** Says the server cannot be reached, naming it and the network error. */
export function unreachable(url: string, cause: unknown): UserError {
  if (stryMutAct_9fa48("105")) {
    {}
  } else {
    stryCov_9fa48("105");
    const code = stryMutAct_9fa48("106") ? (cause as {
      cause?: {
        code?: string;
      };
    }).cause?.code && (cause as Error).message : (stryCov_9fa48("106"), (stryMutAct_9fa48("107") ? (cause as {
      cause?: {
        code?: string;
      };
    }).cause.code : (stryCov_9fa48("107"), (cause as {
      cause?: {
        code?: string;
      };
    }).cause?.code)) ?? (cause as Error).message);
    return new UserError(stryMutAct_9fa48("108") ? `` : (stryCov_9fa48("108"), `login: cannot reach the authorisation server at ${url} (${code}); check the network, a proxy, or the --env you chose`), ERROR_CODES.SERVER_UNREACHABLE, stryMutAct_9fa48("109") ? {} : (stryCov_9fa48("109"), {
      cause
    }));
  }
}

/**
 * Exchanges the authorization code for tokens, the client in a Basic header, the PKCE verifier in the body.
 * @see [RFC 6749 §4.1.3](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.3)
 * @see [RFC 7636 §4.5](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.5)
 */
export async function exchangeCode(exchange: CodeExchange): Promise<TokenResponse> {
  if (stryMutAct_9fa48("110")) {
    {}
  } else {
    stryCov_9fa48("110");
    const url = stryMutAct_9fa48("111") ? `` : (stryCov_9fa48("111"), `${exchange.authServerUrl.replace(stryMutAct_9fa48("113") ? /\/$/ : stryMutAct_9fa48("112") ? /\/+/ : (stryCov_9fa48("112", "113"), /\/+$/), stryMutAct_9fa48("114") ? "Stryker was here!" : (stryCov_9fa48("114"), ''))}/oauth/token`);
    let res: Response;
    try {
      if (stryMutAct_9fa48("115")) {
        {}
      } else {
        stryCov_9fa48("115");
        res = await fetch(url, stryMutAct_9fa48("116") ? {} : (stryCov_9fa48("116"), {
          method: stryMutAct_9fa48("117") ? "" : (stryCov_9fa48("117"), 'POST'),
          headers: stryMutAct_9fa48("118") ? {} : (stryCov_9fa48("118"), {
            Authorization: basicAuthorization(exchange.clientId, exchange.clientSecret),
            'Content-Type': stryMutAct_9fa48("119") ? "" : (stryCov_9fa48("119"), 'application/x-www-form-urlencoded'),
            Accept: stryMutAct_9fa48("120") ? "" : (stryCov_9fa48("120"), 'application/json')
          }),
          body: new URLSearchParams(stryMutAct_9fa48("121") ? {} : (stryCov_9fa48("121"), {
            grant_type: stryMutAct_9fa48("122") ? "" : (stryCov_9fa48("122"), 'authorization_code'),
            code: exchange.code,
            redirect_uri: exchange.redirectUri,
            code_verifier: exchange.codeVerifier
          })),
          signal: AbortSignal.timeout(30_000)
        }));
      }
    } catch (cause) {
      if (stryMutAct_9fa48("123")) {
        {}
      } else {
        stryCov_9fa48("123");
        throw unreachable(url, cause);
      }
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (stryMutAct_9fa48("126") ? res.status === 200 : stryMutAct_9fa48("125") ? false : stryMutAct_9fa48("124") ? true : (stryCov_9fa48("124", "125", "126"), res.status !== 200)) {
      if (stryMutAct_9fa48("127")) {
        {}
      } else {
        stryCov_9fa48("127");
        const error = (stryMutAct_9fa48("130") ? typeof body.error !== 'string' : stryMutAct_9fa48("129") ? false : stryMutAct_9fa48("128") ? true : (stryCov_9fa48("128", "129", "130"), typeof body.error === (stryMutAct_9fa48("131") ? "" : (stryCov_9fa48("131"), 'string')))) ? stryMutAct_9fa48("132") ? `` : (stryCov_9fa48("132"), ` ${body.error}`) : stryMutAct_9fa48("133") ? "Stryker was here!" : (stryCov_9fa48("133"), '');
        const description = (stryMutAct_9fa48("136") ? typeof body.error_description !== 'string' : stryMutAct_9fa48("135") ? false : stryMutAct_9fa48("134") ? true : (stryCov_9fa48("134", "135", "136"), typeof body.error_description === (stryMutAct_9fa48("137") ? "" : (stryCov_9fa48("137"), 'string')))) ? stryMutAct_9fa48("138") ? `` : (stryCov_9fa48("138"), `: ${body.error_description}`) : stryMutAct_9fa48("139") ? "Stryker was here!" : (stryCov_9fa48("139"), '');
        const hint = (stryMutAct_9fa48("142") ? body.error !== 'invalid_client' : stryMutAct_9fa48("141") ? false : stryMutAct_9fa48("140") ? true : (stryCov_9fa48("140", "141", "142"), body.error === (stryMutAct_9fa48("143") ? "" : (stryCov_9fa48("143"), 'invalid_client')))) ? stryMutAct_9fa48("144") ? "" : (stryCov_9fa48("144"), '; check PLEO_CLIENT_ID and PLEO_CLIENT_SECRET') : stryMutAct_9fa48("145") ? "" : (stryCov_9fa48("145"), '; run login again');
        throw new UserError(stryMutAct_9fa48("146") ? `` : (stryCov_9fa48("146"), `login: the token endpoint answered ${res.status}${error}${description}${hint}`), ERROR_CODES.LOGIN_FAILED);
      }
    }
    if (stryMutAct_9fa48("149") ? typeof body.refresh_token !== 'string' && body.refresh_token === '' : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149"), (stryMutAct_9fa48("151") ? typeof body.refresh_token === 'string' : stryMutAct_9fa48("150") ? false : (stryCov_9fa48("150", "151"), typeof body.refresh_token !== (stryMutAct_9fa48("152") ? "" : (stryCov_9fa48("152"), 'string')))) || (stryMutAct_9fa48("154") ? body.refresh_token !== '' : stryMutAct_9fa48("153") ? false : (stryCov_9fa48("153", "154"), body.refresh_token === (stryMutAct_9fa48("155") ? "Stryker was here!" : (stryCov_9fa48("155"), '')))))) {
      if (stryMutAct_9fa48("156")) {
        {}
      } else {
        stryCov_9fa48("156");
        throw new UserError(stryMutAct_9fa48("157") ? "" : (stryCov_9fa48("157"), 'login: the token response has no refresh_token, so there is nothing to keep for CI (is the client allowed refresh tokens?)'), ERROR_CODES.LOGIN_FAILED);
      }
    }
    return stryMutAct_9fa48("158") ? {} : (stryCov_9fa48("158"), {
      refreshToken: body.refresh_token,
      ...((stryMutAct_9fa48("161") ? typeof body.scope !== 'string' : stryMutAct_9fa48("160") ? false : stryMutAct_9fa48("159") ? true : (stryCov_9fa48("159", "160", "161"), typeof body.scope === (stryMutAct_9fa48("162") ? "" : (stryCov_9fa48("162"), 'string')))) ? stryMutAct_9fa48("163") ? {} : (stryCov_9fa48("163"), {
        scope: body.scope
      }) : {})
    });
  }
}

/** Any HTTP answer from the authorisation server means it is reachable; a network error is reported now. */
export async function assertReachable(authServerUrl: string): Promise<void> {
  if (stryMutAct_9fa48("164")) {
    {}
  } else {
    stryCov_9fa48("164");
    const url = stryMutAct_9fa48("165") ? `` : (stryCov_9fa48("165"), `${authServerUrl.replace(stryMutAct_9fa48("167") ? /\/$/ : stryMutAct_9fa48("166") ? /\/+/ : (stryCov_9fa48("166", "167"), /\/+$/), stryMutAct_9fa48("168") ? "Stryker was here!" : (stryCov_9fa48("168"), ''))}/oauth/authorize`);
    try {
      if (stryMutAct_9fa48("169")) {
        {}
      } else {
        stryCov_9fa48("169");
        const res = await fetch(url, stryMutAct_9fa48("170") ? {} : (stryCov_9fa48("170"), {
          method: stryMutAct_9fa48("171") ? "" : (stryCov_9fa48("171"), 'GET'),
          redirect: stryMutAct_9fa48("172") ? "" : (stryCov_9fa48("172"), 'manual'),
          signal: AbortSignal.timeout(15_000)
        }));
        await (stryMutAct_9fa48("173") ? res.body.cancel() : (stryCov_9fa48("173"), res.body?.cancel()));
      }
    } catch (cause) {
      if (stryMutAct_9fa48("174")) {
        {}
      } else {
        stryCov_9fa48("174");
        throw unreachable(authServerUrl, cause);
      }
    }
  }
}