/** The parts of Newman's `request` event this module reads (postman-collection Request and Response). */
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
export interface RequestEventLike {
  request?: {
    url?: {
      toString(): string;
    };
    method?: string;
  };
  response?: {
    code?: number;
    stream?: Buffer;
    text?: () => string;
  };
}
const trimSlashes = stryMutAct_9fa48("489") ? () => undefined : (stryCov_9fa48("489"), (() => {
  const trimSlashes = (url: string) => url.replace(stryMutAct_9fa48("491") ? /\/$/ : stryMutAct_9fa48("490") ? /\/+/ : (stryCov_9fa48("490", "491"), /\/+$/), stryMutAct_9fa48("492") ? "Stryker was here!" : (stryCov_9fa48("492"), ''));
  return trimSlashes;
})());

/**
 * The refresh token in a successful token response (RFC 6749 §5.1) from `{authServerUrl}/oauth/token`,
 * or undefined for any other request. Pleo rotates on every refresh, so a response that carries one
 * makes the token sent with the request worthless.
 * @see [RFC 6749 §5.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-5.1)
 */
export function refreshTokenOfResponse(event: RequestEventLike, authServerUrl: string): string | undefined {
  if (stryMutAct_9fa48("493")) {
    {}
  } else {
    stryCov_9fa48("493");
    const url = stryMutAct_9fa48("494") ? String(event.request?.url?.toString() ?? '').split('?')[0] && '' : (stryCov_9fa48("494"), String(stryMutAct_9fa48("495") ? event.request?.url?.toString() && '' : (stryCov_9fa48("495"), (stryMutAct_9fa48("497") ? event.request.url?.toString() : stryMutAct_9fa48("496") ? event.request?.url.toString() : (stryCov_9fa48("496", "497"), event.request?.url?.toString())) ?? (stryMutAct_9fa48("498") ? "Stryker was here!" : (stryCov_9fa48("498"), '')))).split(stryMutAct_9fa48("499") ? "" : (stryCov_9fa48("499"), '?'))[0] ?? (stryMutAct_9fa48("500") ? "Stryker was here!" : (stryCov_9fa48("500"), '')));
    if (stryMutAct_9fa48("503") ? authServerUrl === '' && trimSlashes(url) !== `${trimSlashes(authServerUrl)}/oauth/token` : stryMutAct_9fa48("502") ? false : stryMutAct_9fa48("501") ? true : (stryCov_9fa48("501", "502", "503"), (stryMutAct_9fa48("505") ? authServerUrl !== '' : stryMutAct_9fa48("504") ? false : (stryCov_9fa48("504", "505"), authServerUrl === (stryMutAct_9fa48("506") ? "Stryker was here!" : (stryCov_9fa48("506"), '')))) || (stryMutAct_9fa48("508") ? trimSlashes(url) === `${trimSlashes(authServerUrl)}/oauth/token` : stryMutAct_9fa48("507") ? false : (stryCov_9fa48("507", "508"), trimSlashes(url) !== (stryMutAct_9fa48("509") ? `` : (stryCov_9fa48("509"), `${trimSlashes(authServerUrl)}/oauth/token`)))))) return undefined;
    const response = event.response;
    if (stryMutAct_9fa48("512") ? response?.code === 200 : stryMutAct_9fa48("511") ? false : stryMutAct_9fa48("510") ? true : (stryCov_9fa48("510", "511", "512"), (stryMutAct_9fa48("513") ? response.code : (stryCov_9fa48("513"), response?.code)) !== 200)) return undefined;
    const text = response.stream ? response.stream.toString(stryMutAct_9fa48("514") ? "" : (stryCov_9fa48("514"), 'utf8')) : stryMutAct_9fa48("515") ? response.text?.() && '' : (stryCov_9fa48("515"), (stryMutAct_9fa48("516") ? response.text() : (stryCov_9fa48("516"), response.text?.())) ?? (stryMutAct_9fa48("517") ? "Stryker was here!" : (stryCov_9fa48("517"), '')));
    try {
      if (stryMutAct_9fa48("518")) {
        {}
      } else {
        stryCov_9fa48("518");
        const body = JSON.parse(text) as {
          refresh_token?: unknown;
        };
        return (stryMutAct_9fa48("521") ? typeof body.refresh_token === 'string' || body.refresh_token !== '' : stryMutAct_9fa48("520") ? false : stryMutAct_9fa48("519") ? true : (stryCov_9fa48("519", "520", "521"), (stryMutAct_9fa48("523") ? typeof body.refresh_token !== 'string' : stryMutAct_9fa48("522") ? true : (stryCov_9fa48("522", "523"), typeof body.refresh_token === (stryMutAct_9fa48("524") ? "" : (stryCov_9fa48("524"), 'string')))) && (stryMutAct_9fa48("526") ? body.refresh_token === '' : stryMutAct_9fa48("525") ? true : (stryCov_9fa48("525", "526"), body.refresh_token !== (stryMutAct_9fa48("527") ? "Stryker was here!" : (stryCov_9fa48("527"), '')))))) ? body.refresh_token : undefined;
      }
    } catch {
      if (stryMutAct_9fa48("528")) {
        {}
      } else {
        stryCov_9fa48("528");
        return undefined;
      }
    }
  }
}

/** A Newman `request` listener that passes every refresh token the authorisation server issues to `keep`. */
export function refreshTokenListener(authServerUrl: string, keep: (token: string) => void) {
  if (stryMutAct_9fa48("529")) {
    {}
  } else {
    stryCov_9fa48("529");
    return (event: {
      request?: unknown;
      response?: unknown;
    }): void => {
      if (stryMutAct_9fa48("530")) {
        {}
      } else {
        stryCov_9fa48("530");
        const token = refreshTokenOfResponse(event as RequestEventLike, authServerUrl);
        if (stryMutAct_9fa48("533") ? token === undefined : stryMutAct_9fa48("532") ? false : stryMutAct_9fa48("531") ? true : (stryCov_9fa48("531", "532", "533"), token !== undefined)) keep(token);
      }
    };
  }
}