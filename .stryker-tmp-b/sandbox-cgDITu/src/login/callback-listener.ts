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
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_CODES, UserError } from '../errors.js';
export const CALLBACK_PATH = stryMutAct_9fa48("0") ? "" : (stryCov_9fa48("0"), '/callback');

/** The browser's visit to the redirect URI, held open until `answer` is called. */
export interface Callback {
  params: URLSearchParams;
  answer: (status: number, html: string) => Promise<void>;
}
export interface CallbackListener {
  /** `http://127.0.0.1:PORT/callback`, with the port actually bound (for `--port 0`). */
  redirectUri: string;
  /** The first visit to /callback. */
  callback: Promise<Callback>;
  close: () => Promise<void>;
}
const PAGE_HEADERS = stryMutAct_9fa48("1") ? {} : (stryCov_9fa48("1"), {
  'Content-Type': stryMutAct_9fa48("2") ? "" : (stryCov_9fa48("2"), 'text/html; charset=utf-8'),
  'Cache-Control': stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), 'no-store'),
  'Referrer-Policy': stryMutAct_9fa48("4") ? "" : (stryCov_9fa48("4"), 'no-referrer'),
  'Content-Security-Policy': stryMutAct_9fa48("5") ? "" : (stryCov_9fa48("5"), "default-src 'none'; style-src 'unsafe-inline'"),
  'X-Content-Type-Options': stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), 'nosniff')
});
function send(res: ServerResponse, status: number, html: string): Promise<void> {
  if (stryMutAct_9fa48("7")) {
    {}
  } else {
    stryCov_9fa48("7");
    return new Promise(resolve => {
      if (stryMutAct_9fa48("8")) {
        {}
      } else {
        stryCov_9fa48("8");
        res.writeHead(status, stryMutAct_9fa48("9") ? {} : (stryCov_9fa48("9"), {
          ...PAGE_HEADERS,
          Connection: stryMutAct_9fa48("10") ? "" : (stryCov_9fa48("10"), 'close')
        }));
        res.end(html, stryMutAct_9fa48("11") ? () => undefined : (stryCov_9fa48("11"), () => resolve()));
      }
    });
  }
}

/**
 * A one-shot loopback listener for the redirect of a native-app login: only `GET /callback` on
 * 127.0.0.1 counts, once; anything else gets 404, and a second visit is told the login is over.
 * @see [RFC 8252 §7.3](https://www.rfc-editor.org/rfc/rfc8252.html#section-7.3)
 */
export async function startCallbackListener(port: number): Promise<CallbackListener> {
  if (stryMutAct_9fa48("12")) {
    {}
  } else {
    stryCov_9fa48("12");
    let deliver!: (callback: Callback) => void;
    const callback = new Promise<Callback>(stryMutAct_9fa48("13") ? () => undefined : (stryCov_9fa48("13"), resolve => deliver = resolve));
    let received = stryMutAct_9fa48("14") ? true : (stryCov_9fa48("14"), false);
    const server = createServer((req, res) => {
      if (stryMutAct_9fa48("15")) {
        {}
      } else {
        stryCov_9fa48("15");
        const url = new URL(stryMutAct_9fa48("16") ? req.url && '/' : (stryCov_9fa48("16"), req.url ?? (stryMutAct_9fa48("17") ? "" : (stryCov_9fa48("17"), '/'))), stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), 'http://127.0.0.1'));
        if (stryMutAct_9fa48("21") ? req.method !== 'GET' && url.pathname !== CALLBACK_PATH : stryMutAct_9fa48("20") ? false : stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19", "20", "21"), (stryMutAct_9fa48("23") ? req.method === 'GET' : stryMutAct_9fa48("22") ? false : (stryCov_9fa48("22", "23"), req.method !== (stryMutAct_9fa48("24") ? "" : (stryCov_9fa48("24"), 'GET')))) || (stryMutAct_9fa48("26") ? url.pathname === CALLBACK_PATH : stryMutAct_9fa48("25") ? false : (stryCov_9fa48("25", "26"), url.pathname !== CALLBACK_PATH)))) {
          if (stryMutAct_9fa48("27")) {
            {}
          } else {
            stryCov_9fa48("27");
            void send(res, 404, stryMutAct_9fa48("28") ? "" : (stryCov_9fa48("28"), '<!doctype html><title>Not found</title><p>Not found.</p>'));
            return;
          }
        }
        if (stryMutAct_9fa48("30") ? false : stryMutAct_9fa48("29") ? true : (stryCov_9fa48("29", "30"), received)) {
          if (stryMutAct_9fa48("31")) {
            {}
          } else {
            stryCov_9fa48("31");
            void send(res, 409, stryMutAct_9fa48("32") ? "" : (stryCov_9fa48("32"), '<!doctype html><title>Already done</title><p>This login has already been answered.</p>'));
            return;
          }
        }
        received = stryMutAct_9fa48("33") ? false : (stryCov_9fa48("33"), true);
        deliver(stryMutAct_9fa48("34") ? {} : (stryCov_9fa48("34"), {
          params: url.searchParams,
          answer: stryMutAct_9fa48("35") ? () => undefined : (stryCov_9fa48("35"), (status, html) => send(res, status, html))
        }));
      }
    });
    await new Promise<void>((resolve, reject) => {
      if (stryMutAct_9fa48("36")) {
        {}
      } else {
        stryCov_9fa48("36");
        server.once(stryMutAct_9fa48("37") ? "" : (stryCov_9fa48("37"), 'error'), (error: NodeJS.ErrnoException) => {
          if (stryMutAct_9fa48("38")) {
            {}
          } else {
            stryCov_9fa48("38");
            reject((stryMutAct_9fa48("41") ? error.code === 'EADDRINUSE' && error.code === 'EACCES' : stryMutAct_9fa48("40") ? false : stryMutAct_9fa48("39") ? true : (stryCov_9fa48("39", "40", "41"), (stryMutAct_9fa48("43") ? error.code !== 'EADDRINUSE' : stryMutAct_9fa48("42") ? false : (stryCov_9fa48("42", "43"), error.code === (stryMutAct_9fa48("44") ? "" : (stryCov_9fa48("44"), 'EADDRINUSE')))) || (stryMutAct_9fa48("46") ? error.code !== 'EACCES' : stryMutAct_9fa48("45") ? false : (stryCov_9fa48("45", "46"), error.code === (stryMutAct_9fa48("47") ? "" : (stryCov_9fa48("47"), 'EACCES')))))) ? new UserError(stryMutAct_9fa48("48") ? `` : (stryCov_9fa48("48"), `login: port ${port} on 127.0.0.1 is ${(stryMutAct_9fa48("51") ? error.code !== 'EADDRINUSE' : stryMutAct_9fa48("50") ? false : stryMutAct_9fa48("49") ? true : (stryCov_9fa48("49", "50", "51"), error.code === (stryMutAct_9fa48("52") ? "" : (stryCov_9fa48("52"), 'EADDRINUSE')))) ? stryMutAct_9fa48("53") ? "" : (stryCov_9fa48("53"), 'already in use') : stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'not allowed')}; stop what uses it or pass --port N (the redirect URI registered with Pleo must then be http://127.0.0.1:N/callback, exactly)`), ERROR_CODES.LOGIN_PORT_IN_USE, stryMutAct_9fa48("55") ? {} : (stryCov_9fa48("55"), {
              cause: error
            })) : error);
          }
        });
        server.listen(port, stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), '127.0.0.1'), stryMutAct_9fa48("57") ? () => undefined : (stryCov_9fa48("57"), () => resolve()));
      }
    });
    const bound = (server.address() as AddressInfo).port;
    return stryMutAct_9fa48("58") ? {} : (stryCov_9fa48("58"), {
      redirectUri: stryMutAct_9fa48("59") ? `` : (stryCov_9fa48("59"), `http://127.0.0.1:${bound}${CALLBACK_PATH}`),
      callback,
      close: stryMutAct_9fa48("60") ? () => undefined : (stryCov_9fa48("60"), () => new Promise<void>(resolve => {
        if (stryMutAct_9fa48("61")) {
          {}
        } else {
          stryCov_9fa48("61");
          server.close(stryMutAct_9fa48("62") ? () => undefined : (stryCov_9fa48("62"), () => resolve()));
          server.closeAllConnections();
        }
      }))
    });
  }
}