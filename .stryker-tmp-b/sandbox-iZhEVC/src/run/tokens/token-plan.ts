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
import { ERROR_CODES, UserError } from '../../errors.js';

/** Where a run's refresh token comes from, in this order. */
export type RefreshTokenSource = 'PLEO_REFRESH_TOKEN' | 'environment file' | '--refresh-token-file' | 'login store' | 'none';
export interface RefreshTokenPlanInput {
  /** PLEO_REFRESH_TOKEN, trimmed ('' when unset). */
  fromVariable: string;
  /** The `refreshToken` value of the `--env FILE` ('' for staging/production). */
  fromEnvironmentFile: string;
  refreshTokenFile?: string;
  /** The login store's file for this environment and client, when it exists. */
  loginStoreFile?: string;
  /** The `--env` the user gave, for the message. */
  env: string;
}
export interface RefreshTokenPlan {
  source: RefreshTokenSource;
  /** The token when it came from a variable; file sources are read once the file is locked. */
  token?: string;
  /** Where every rotated token goes, decided before the first refresh. */
  keepIn?: {
    path: string;
    kind: '--refresh-token-file' | 'login store';
  };
}

/**
 * Decides, before anything is sent, where the refresh token comes from (PLEO_REFRESH_TOKEN, a
 * refreshToken in the environment file, `--refresh-token-file`, the login store) and where a rotated
 * one goes (`--refresh-token-file`, or the login store file it came from). A token with nowhere to
 * keep its rotation is refused: spending it would leave only a revoked grant.
 */
export function planRefreshToken(input: RefreshTokenPlanInput): RefreshTokenPlan {
  if (stryMutAct_9fa48("675")) {
    {}
  } else {
    stryCov_9fa48("675");
    const file = input.refreshTokenFile ? {
      path: input.refreshTokenFile,
      kind: '--refresh-token-file'
    } as const : undefined;
    const given: Array<[RefreshTokenSource, string]> = stryMutAct_9fa48("676") ? [] : (stryCov_9fa48("676"), [stryMutAct_9fa48("677") ? [] : (stryCov_9fa48("677"), [stryMutAct_9fa48("678") ? "" : (stryCov_9fa48("678"), 'PLEO_REFRESH_TOKEN'), input.fromVariable]), stryMutAct_9fa48("679") ? [] : (stryCov_9fa48("679"), [stryMutAct_9fa48("680") ? "" : (stryCov_9fa48("680"), 'environment file'), input.fromEnvironmentFile])]);
    const [source, token] = stryMutAct_9fa48("681") ? given.find(([, value]) => value !== '') && [] : (stryCov_9fa48("681"), given.find(stryMutAct_9fa48("682") ? () => undefined : (stryCov_9fa48("682"), ([, value]) => stryMutAct_9fa48("685") ? value === '' : stryMutAct_9fa48("684") ? false : stryMutAct_9fa48("683") ? true : (stryCov_9fa48("683", "684", "685"), value !== (stryMutAct_9fa48("686") ? "Stryker was here!" : (stryCov_9fa48("686"), ''))))) ?? (stryMutAct_9fa48("687") ? ["Stryker was here"] : (stryCov_9fa48("687"), [])));
    if (stryMutAct_9fa48("690") ? source !== undefined || token !== undefined : stryMutAct_9fa48("689") ? false : stryMutAct_9fa48("688") ? true : (stryCov_9fa48("688", "689", "690"), (stryMutAct_9fa48("692") ? source === undefined : stryMutAct_9fa48("691") ? true : (stryCov_9fa48("691", "692"), source !== undefined)) && (stryMutAct_9fa48("694") ? token === undefined : stryMutAct_9fa48("693") ? true : (stryCov_9fa48("693", "694"), token !== undefined)))) {
      if (stryMutAct_9fa48("695")) {
        {}
      } else {
        stryCov_9fa48("695");
        if (stryMutAct_9fa48("697") ? false : stryMutAct_9fa48("696") ? true : (stryCov_9fa48("696", "697"), file)) return stryMutAct_9fa48("698") ? {} : (stryCov_9fa48("698"), {
          source,
          token,
          keepIn: file
        });
        const what = (stryMutAct_9fa48("701") ? source !== 'PLEO_REFRESH_TOKEN' : stryMutAct_9fa48("700") ? false : stryMutAct_9fa48("699") ? true : (stryCov_9fa48("699", "700", "701"), source === (stryMutAct_9fa48("702") ? "" : (stryCov_9fa48("702"), 'PLEO_REFRESH_TOKEN')))) ? stryMutAct_9fa48("703") ? "" : (stryCov_9fa48("703"), 'PLEO_REFRESH_TOKEN is set') : stryMutAct_9fa48("704") ? `` : (stryCov_9fa48("704"), `${input.env} holds a refreshToken`);
        throw new UserError(stryMutAct_9fa48("705") ? `` : (stryCov_9fa48("705"), `${what}, but there is nowhere to keep the refresh token the server will rotate it into (the one you have is spent by the first refresh, and Pleo revokes the grant when it is replayed): pass --refresh-token-file FILE and store FILE back after the run (CI: into the secret the token came from), or run \`pleo-postman login --env ${input.env}\` and leave PLEO_REFRESH_TOKEN unset to use the login store; nothing was sent`), ERROR_CODES.REFRESH_TOKEN_NOWHERE);
      }
    }
    if (stryMutAct_9fa48("707") ? false : stryMutAct_9fa48("706") ? true : (stryCov_9fa48("706", "707"), file)) return stryMutAct_9fa48("708") ? {} : (stryCov_9fa48("708"), {
      source: stryMutAct_9fa48("709") ? "" : (stryCov_9fa48("709"), '--refresh-token-file'),
      keepIn: file
    });
    if (stryMutAct_9fa48("711") ? false : stryMutAct_9fa48("710") ? true : (stryCov_9fa48("710", "711"), input.loginStoreFile)) return stryMutAct_9fa48("712") ? {} : (stryCov_9fa48("712"), {
      source: stryMutAct_9fa48("713") ? "" : (stryCov_9fa48("713"), 'login store'),
      keepIn: stryMutAct_9fa48("714") ? {} : (stryCov_9fa48("714"), {
        path: input.loginStoreFile,
        kind: stryMutAct_9fa48("715") ? "" : (stryCov_9fa48("715"), 'login store')
      })
    });
    return stryMutAct_9fa48("716") ? {} : (stryCov_9fa48("716"), {
      source: stryMutAct_9fa48("717") ? "" : (stryCov_9fa48("717"), 'none')
    });
  }
}