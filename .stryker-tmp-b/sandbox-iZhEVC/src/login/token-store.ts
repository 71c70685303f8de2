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
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import envPaths from 'env-paths';

/** Overrides the config folder (tests, or a CI runner that wants the store somewhere else). */
export const CONFIG_DIR_VARIABLE = stryMutAct_9fa48("175") ? "" : (stryCov_9fa48("175"), 'PLEO_POSTMAN_CONFIG_DIR');
const SUFFIX = stryMutAct_9fa48("176") ? "" : (stryCov_9fa48("176"), '.refresh-token');

/** The user's config folder for pleo-postman (e.g. ~/.config/pleo-postman), or `PLEO_POSTMAN_CONFIG_DIR`. */
export function configDir(env: Record<string, string | undefined> = process.env): string {
  if (stryMutAct_9fa48("177")) {
    {}
  } else {
    stryCov_9fa48("177");
    const override = stryMutAct_9fa48("178") ? env[CONFIG_DIR_VARIABLE] ?? '' : (stryCov_9fa48("178"), (stryMutAct_9fa48("179") ? env[CONFIG_DIR_VARIABLE] && '' : (stryCov_9fa48("179"), env[CONFIG_DIR_VARIABLE] ?? (stryMutAct_9fa48("180") ? "Stryker was here!" : (stryCov_9fa48("180"), '')))).trim());
    return (stryMutAct_9fa48("183") ? override === '' : stryMutAct_9fa48("182") ? false : stryMutAct_9fa48("181") ? true : (stryCov_9fa48("181", "182", "183"), override !== (stryMutAct_9fa48("184") ? "Stryker was here!" : (stryCov_9fa48("184"), '')))) ? override : envPaths(stryMutAct_9fa48("185") ? "" : (stryCov_9fa48("185"), 'pleo-postman'), stryMutAct_9fa48("186") ? {} : (stryCov_9fa48("186"), {
      suffix: stryMutAct_9fa48("187") ? "Stryker was here!" : (stryCov_9fa48("187"), '')
    })).config;
  }
}

/** Where `login` keeps refresh tokens: one file per environment and client. */
export const tokenStoreDir = stryMutAct_9fa48("188") ? () => undefined : (stryCov_9fa48("188"), (() => {
  const tokenStoreDir = (env: Record<string, string | undefined> = process.env) => join(configDir(env), stryMutAct_9fa48("189") ? "" : (stryCov_9fa48("189"), 'tokens'));
  return tokenStoreDir;
})());

/** The name `--env` gives a store entry: staging, production, local, or an environment file's base name. */
export function environmentLabel(env: string): string {
  if (stryMutAct_9fa48("190")) {
    {}
  } else {
    stryCov_9fa48("190");
    if (stryMutAct_9fa48("193") ? (env === 'staging' || env === 'production') && env === 'local' : stryMutAct_9fa48("192") ? false : stryMutAct_9fa48("191") ? true : (stryCov_9fa48("191", "192", "193"), (stryMutAct_9fa48("195") ? env === 'staging' && env === 'production' : stryMutAct_9fa48("194") ? false : (stryCov_9fa48("194", "195"), (stryMutAct_9fa48("197") ? env !== 'staging' : stryMutAct_9fa48("196") ? false : (stryCov_9fa48("196", "197"), env === (stryMutAct_9fa48("198") ? "" : (stryCov_9fa48("198"), 'staging')))) || (stryMutAct_9fa48("200") ? env !== 'production' : stryMutAct_9fa48("199") ? false : (stryCov_9fa48("199", "200"), env === (stryMutAct_9fa48("201") ? "" : (stryCov_9fa48("201"), 'production')))))) || (stryMutAct_9fa48("203") ? env !== 'local' : stryMutAct_9fa48("202") ? false : (stryCov_9fa48("202", "203"), env === (stryMutAct_9fa48("204") ? "" : (stryCov_9fa48("204"), 'local')))))) return env;
    return basename(env).replace(stryMutAct_9fa48("206") ? /\.postman_environment\.json$|\.json/ : stryMutAct_9fa48("205") ? /\.postman_environment\.json|\.json$/ : (stryCov_9fa48("205", "206"), /\.postman_environment\.json$|\.json$/), stryMutAct_9fa48("207") ? "Stryker was here!" : (stryCov_9fa48("207"), ''));
  }
}
const encode = stryMutAct_9fa48("208") ? () => undefined : (stryCov_9fa48("208"), (() => {
  const encode = (part: string) => encodeURIComponent(part).replace(/\*/g, stryMutAct_9fa48("209") ? "" : (stryCov_9fa48("209"), '%2A'));
  return encode;
})());

/** The store file of one environment and client (mode 0600, the token on one line). */
export function storedTokenPath(label: string, clientId: string, env: Record<string, string | undefined> = process.env) {
  if (stryMutAct_9fa48("210")) {
    {}
  } else {
    stryCov_9fa48("210");
    return join(tokenStoreDir(env), stryMutAct_9fa48("211") ? `` : (stryCov_9fa48("211"), `${encode(label)}@${encode(clientId)}${SUFFIX}`));
  }
}
export const hasStoredToken = stryMutAct_9fa48("212") ? () => undefined : (stryCov_9fa48("212"), (() => {
  const hasStoredToken = (path: string) => existsSync(path);
  return hasStoredToken;
})());
export interface StoredTokenInfo {
  environment: string;
  clientId: string;
  path: string;
  /** When the file was last written: at login or by a rotation during a run. */
  lastRotated: Date;
}

/** Every token in the store, sorted by environment then client; never the tokens themselves. */
export async function listStoredTokens(env: Record<string, string | undefined> = process.env): Promise<StoredTokenInfo[]> {
  if (stryMutAct_9fa48("213")) {
    {}
  } else {
    stryCov_9fa48("213");
    const dir = tokenStoreDir(env);
    let names: string[];
    try {
      if (stryMutAct_9fa48("214")) {
        {}
      } else {
        stryCov_9fa48("214");
        names = await readdir(dir);
      }
    } catch (error) {
      if (stryMutAct_9fa48("215")) {
        {}
      } else {
        stryCov_9fa48("215");
        if (stryMutAct_9fa48("218") ? (error as NodeJS.ErrnoException).code !== 'ENOENT' : stryMutAct_9fa48("217") ? false : stryMutAct_9fa48("216") ? true : (stryCov_9fa48("216", "217", "218"), (error as NodeJS.ErrnoException).code === (stryMutAct_9fa48("219") ? "" : (stryCov_9fa48("219"), 'ENOENT')))) return stryMutAct_9fa48("220") ? ["Stryker was here"] : (stryCov_9fa48("220"), []);
        throw error;
      }
    }
    const entries: StoredTokenInfo[] = stryMutAct_9fa48("221") ? ["Stryker was here"] : (stryCov_9fa48("221"), []);
    for (const name of names) {
      if (stryMutAct_9fa48("222")) {
        {}
      } else {
        stryCov_9fa48("222");
        const match = (stryMutAct_9fa48("228") ? /^([^@]+)@([@]+)\.refresh-token$/ : stryMutAct_9fa48("227") ? /^([^@]+)@([^@])\.refresh-token$/ : stryMutAct_9fa48("226") ? /^([@]+)@([^@]+)\.refresh-token$/ : stryMutAct_9fa48("225") ? /^([^@])@([^@]+)\.refresh-token$/ : stryMutAct_9fa48("224") ? /^([^@]+)@([^@]+)\.refresh-token/ : stryMutAct_9fa48("223") ? /([^@]+)@([^@]+)\.refresh-token$/ : (stryCov_9fa48("223", "224", "225", "226", "227", "228"), /^([^@]+)@([^@]+)\.refresh-token$/)).exec(name);
        if (stryMutAct_9fa48("231") ? false : stryMutAct_9fa48("230") ? true : stryMutAct_9fa48("229") ? match : (stryCov_9fa48("229", "230", "231"), !match)) continue;
        const path = join(dir, name);
        entries.push(stryMutAct_9fa48("232") ? {} : (stryCov_9fa48("232"), {
          environment: decodeURIComponent(match[1]!),
          clientId: decodeURIComponent(match[2]!),
          path,
          lastRotated: (await stat(path)).mtime
        }));
      }
    }
    return stryMutAct_9fa48("233") ? entries : (stryCov_9fa48("233"), entries.sort(stryMutAct_9fa48("234") ? () => undefined : (stryCov_9fa48("234"), (a, b) => stryMutAct_9fa48("237") ? a.environment.localeCompare(b.environment) && a.clientId.localeCompare(b.clientId) : stryMutAct_9fa48("236") ? false : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236", "237"), a.environment.localeCompare(b.environment) || a.clientId.localeCompare(b.clientId)))));
  }
}

/** Deletes the stored tokens of an environment (of one client, when given); returns what it deleted. */
export async function deleteStoredTokens(label: string, clientId: string | undefined, env: Record<string, string | undefined> = process.env): Promise<StoredTokenInfo[]> {
  if (stryMutAct_9fa48("238")) {
    {}
  } else {
    stryCov_9fa48("238");
    const doomed = stryMutAct_9fa48("239") ? await listStoredTokens(env) : (stryCov_9fa48("239"), (await listStoredTokens(env)).filter(stryMutAct_9fa48("240") ? () => undefined : (stryCov_9fa48("240"), t => stryMutAct_9fa48("243") ? t.environment === label || clientId === undefined || t.clientId === clientId : stryMutAct_9fa48("242") ? false : stryMutAct_9fa48("241") ? true : (stryCov_9fa48("241", "242", "243"), (stryMutAct_9fa48("245") ? t.environment !== label : stryMutAct_9fa48("244") ? true : (stryCov_9fa48("244", "245"), t.environment === label)) && (stryMutAct_9fa48("247") ? clientId === undefined && t.clientId === clientId : stryMutAct_9fa48("246") ? true : (stryCov_9fa48("246", "247"), (stryMutAct_9fa48("249") ? clientId !== undefined : stryMutAct_9fa48("248") ? false : (stryCov_9fa48("248", "249"), clientId === undefined)) || (stryMutAct_9fa48("251") ? t.clientId !== clientId : stryMutAct_9fa48("250") ? false : (stryCov_9fa48("250", "251"), t.clientId === clientId))))))));
    for (const t of doomed) await rm(t.path, stryMutAct_9fa48("252") ? {} : (stryCov_9fa48("252"), {
      force: stryMutAct_9fa48("253") ? false : (stryCov_9fa48("253"), true)
    }));
    return doomed;
  }
}