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
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ERROR_CODES, UserError } from '../../errors.js';
import { lockTokenFile } from './lock.js';
export interface Credentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}
export const CREDENTIAL_VARIABLES = {
  clientId: 'PLEO_CLIENT_ID',
  clientSecret: 'PLEO_CLIENT_SECRET',
  refreshToken: 'PLEO_REFRESH_TOKEN'
} as const;
export interface CredentialSources {
  /** Values already in the environment file (empty for the generated staging/production files). */
  fromEnvironmentFile?: Partial<Credentials>;
  /** A refresh token kept by an earlier run in `--refresh-token-file`. */
  storedRefreshToken?: string;
  /** True when the environment can get a token without one (a loopback redirect: the local mock). */
  refreshTokenOptional?: boolean;
}

/**
 * Credentials from the process environment (PLEO_CLIENT_ID, PLEO_CLIENT_SECRET, PLEO_REFRESH_TOKEN),
 * falling back to the environment file and the refresh token file. Nothing here is written to disk.
 * Throws a UserError naming every variable that is missing.
 */
export function resolveCredentials(env: Record<string, string | undefined>, sources: CredentialSources = {}): Credentials {
  if (stryMutAct_9fa48("254")) {
    {}
  } else {
    stryCov_9fa48("254");
    const read = stryMutAct_9fa48("255") ? () => undefined : (stryCov_9fa48("255"), (() => {
      const read = (key: keyof Credentials) => stryMutAct_9fa48("258") ? (env[CREDENTIAL_VARIABLES[key]] ?? '').trim() && (sources.fromEnvironmentFile?.[key] ?? '').trim() : stryMutAct_9fa48("257") ? false : stryMutAct_9fa48("256") ? true : (stryCov_9fa48("256", "257", "258"), (stryMutAct_9fa48("259") ? env[CREDENTIAL_VARIABLES[key]] ?? '' : (stryCov_9fa48("259"), (stryMutAct_9fa48("260") ? env[CREDENTIAL_VARIABLES[key]] && '' : (stryCov_9fa48("260"), env[CREDENTIAL_VARIABLES[key]] ?? (stryMutAct_9fa48("261") ? "Stryker was here!" : (stryCov_9fa48("261"), '')))).trim())) || (stryMutAct_9fa48("262") ? sources.fromEnvironmentFile?.[key] ?? '' : (stryCov_9fa48("262"), (stryMutAct_9fa48("263") ? sources.fromEnvironmentFile?.[key] && '' : (stryCov_9fa48("263"), (stryMutAct_9fa48("264") ? sources.fromEnvironmentFile[key] : (stryCov_9fa48("264"), sources.fromEnvironmentFile?.[key])) ?? (stryMutAct_9fa48("265") ? "Stryker was here!" : (stryCov_9fa48("265"), '')))).trim())));
      return read;
    })());
    const credentials = stryMutAct_9fa48("266") ? {} : (stryCov_9fa48("266"), {
      clientId: read(stryMutAct_9fa48("267") ? "" : (stryCov_9fa48("267"), 'clientId')),
      clientSecret: read(stryMutAct_9fa48("268") ? "" : (stryCov_9fa48("268"), 'clientSecret')),
      refreshToken: stryMutAct_9fa48("271") ? read('refreshToken') && (sources.storedRefreshToken ?? '').trim() : stryMutAct_9fa48("270") ? false : stryMutAct_9fa48("269") ? true : (stryCov_9fa48("269", "270", "271"), read(stryMutAct_9fa48("272") ? "" : (stryCov_9fa48("272"), 'refreshToken')) || (stryMutAct_9fa48("273") ? sources.storedRefreshToken ?? '' : (stryCov_9fa48("273"), (stryMutAct_9fa48("274") ? sources.storedRefreshToken && '' : (stryCov_9fa48("274"), sources.storedRefreshToken ?? (stryMutAct_9fa48("275") ? "Stryker was here!" : (stryCov_9fa48("275"), '')))).trim())))
    });
    const required: Array<keyof Credentials> = sources.refreshTokenOptional ? stryMutAct_9fa48("276") ? [] : (stryCov_9fa48("276"), [stryMutAct_9fa48("277") ? "" : (stryCov_9fa48("277"), 'clientId'), stryMutAct_9fa48("278") ? "" : (stryCov_9fa48("278"), 'clientSecret')]) : stryMutAct_9fa48("279") ? [] : (stryCov_9fa48("279"), [stryMutAct_9fa48("280") ? "" : (stryCov_9fa48("280"), 'clientId'), stryMutAct_9fa48("281") ? "" : (stryCov_9fa48("281"), 'clientSecret'), stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), 'refreshToken')]);
    const missing = stryMutAct_9fa48("283") ? required.map(key => CREDENTIAL_VARIABLES[key]) : (stryCov_9fa48("283"), required.filter(stryMutAct_9fa48("284") ? () => undefined : (stryCov_9fa48("284"), key => stryMutAct_9fa48("287") ? credentials[key] !== '' : stryMutAct_9fa48("286") ? false : stryMutAct_9fa48("285") ? true : (stryCov_9fa48("285", "286", "287"), credentials[key] === (stryMutAct_9fa48("288") ? "Stryker was here!" : (stryCov_9fa48("288"), ''))))).map(stryMutAct_9fa48("289") ? () => undefined : (stryCov_9fa48("289"), key => CREDENTIAL_VARIABLES[key])));
    if (stryMutAct_9fa48("293") ? missing.length <= 0 : stryMutAct_9fa48("292") ? missing.length >= 0 : stryMutAct_9fa48("291") ? false : stryMutAct_9fa48("290") ? true : (stryCov_9fa48("290", "291", "292", "293"), missing.length > 0)) {
      if (stryMutAct_9fa48("294")) {
        {}
      } else {
        stryCov_9fa48("294");
        throw new UserError(stryMutAct_9fa48("295") ? `` : (stryCov_9fa48("295"), `missing credentials: set ${missing.join(stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), ', '))} in the environment (the refresh token may also come from --refresh-token-file or from pleo-postman login)`), ERROR_CODES.CREDENTIALS_MISSING);
      }
    }
    return credentials;
  }
}

/** The refresh token kept in a file by an earlier run, or undefined when the file does not exist. */
export async function readRefreshTokenFile(path: string): Promise<string | undefined> {
  if (stryMutAct_9fa48("297")) {
    {}
  } else {
    stryCov_9fa48("297");
    try {
      if (stryMutAct_9fa48("298")) {
        {}
      } else {
        stryCov_9fa48("298");
        return stryMutAct_9fa48("301") ? (await readFile(path, 'utf8')).trim() && undefined : stryMutAct_9fa48("300") ? false : stryMutAct_9fa48("299") ? true : (stryCov_9fa48("299", "300", "301"), (stryMutAct_9fa48("302") ? await readFile(path, 'utf8') : (stryCov_9fa48("302"), (await readFile(path, stryMutAct_9fa48("303") ? "" : (stryCov_9fa48("303"), 'utf8'))).trim())) || undefined);
      }
    } catch (error) {
      if (stryMutAct_9fa48("304")) {
        {}
      } else {
        stryCov_9fa48("304");
        if (stryMutAct_9fa48("307") ? (error as NodeJS.ErrnoException).code !== 'ENOENT' : stryMutAct_9fa48("306") ? false : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306", "307"), (error as NodeJS.ErrnoException).code === (stryMutAct_9fa48("308") ? "" : (stryCov_9fa48("308"), 'ENOENT')))) return undefined;
        throw new UserError(stryMutAct_9fa48("309") ? `` : (stryCov_9fa48("309"), `cannot read --refresh-token-file "${path}": ${stryMutAct_9fa48("310") ? (error as NodeJS.ErrnoException).code && 'unreadable' : (stryCov_9fa48("310"), (error as NodeJS.ErrnoException).code ?? (stryMutAct_9fa48("311") ? "" : (stryCov_9fa48("311"), 'unreadable')))}`), ERROR_CODES.OPTION_INVALID, stryMutAct_9fa48("312") ? {} : (stryCov_9fa48("312"), {
          cause: error
        }));
      }
    }
  }
}

/** Writes a rotated refresh token atomically, readable by its owner only (mode 0600). */
export async function writeRefreshTokenFile(path: string, token: string): Promise<void> {
  if (stryMutAct_9fa48("313")) {
    {}
  } else {
    stryCov_9fa48("313");
    const temp = stryMutAct_9fa48("314") ? `` : (stryCov_9fa48("314"), `${path}.${randomBytes(6).toString(stryMutAct_9fa48("315") ? "" : (stryCov_9fa48("315"), 'hex'))}.tmp`);
    await writeFile(temp, stryMutAct_9fa48("316") ? `` : (stryCov_9fa48("316"), `${token}\n`), stryMutAct_9fa48("317") ? {} : (stryCov_9fa48("317"), {
      mode: 0o600,
      flag: stryMutAct_9fa48("318") ? "" : (stryCov_9fa48("318"), 'wx')
    }));
    await rename(temp, path);
  }
}

/**
 * Takes `FILE.lock` for the length of a run (see `lockTokenFile`: owner recorded, a stale lock taken
 * over). Returns the function that releases it.
 */
export async function lockRefreshTokenFile(path: string): Promise<() => Promise<void>> {
  if (stryMutAct_9fa48("319")) {
    {}
  } else {
    stryCov_9fa48("319");
    return (await lockTokenFile(path)).release;
  }
}