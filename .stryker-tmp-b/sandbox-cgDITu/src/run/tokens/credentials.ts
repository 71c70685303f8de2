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
  if (stryMutAct_9fa48("63")) {
    {}
  } else {
    stryCov_9fa48("63");
    const read = stryMutAct_9fa48("64") ? () => undefined : (stryCov_9fa48("64"), (() => {
      const read = (key: keyof Credentials) => stryMutAct_9fa48("67") ? (env[CREDENTIAL_VARIABLES[key]] ?? '').trim() && (sources.fromEnvironmentFile?.[key] ?? '').trim() : stryMutAct_9fa48("66") ? false : stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65", "66", "67"), (stryMutAct_9fa48("68") ? env[CREDENTIAL_VARIABLES[key]] ?? '' : (stryCov_9fa48("68"), (stryMutAct_9fa48("69") ? env[CREDENTIAL_VARIABLES[key]] && '' : (stryCov_9fa48("69"), env[CREDENTIAL_VARIABLES[key]] ?? (stryMutAct_9fa48("70") ? "Stryker was here!" : (stryCov_9fa48("70"), '')))).trim())) || (stryMutAct_9fa48("71") ? sources.fromEnvironmentFile?.[key] ?? '' : (stryCov_9fa48("71"), (stryMutAct_9fa48("72") ? sources.fromEnvironmentFile?.[key] && '' : (stryCov_9fa48("72"), (stryMutAct_9fa48("73") ? sources.fromEnvironmentFile[key] : (stryCov_9fa48("73"), sources.fromEnvironmentFile?.[key])) ?? (stryMutAct_9fa48("74") ? "Stryker was here!" : (stryCov_9fa48("74"), '')))).trim())));
      return read;
    })());
    const credentials = stryMutAct_9fa48("75") ? {} : (stryCov_9fa48("75"), {
      clientId: read(stryMutAct_9fa48("76") ? "" : (stryCov_9fa48("76"), 'clientId')),
      clientSecret: read(stryMutAct_9fa48("77") ? "" : (stryCov_9fa48("77"), 'clientSecret')),
      refreshToken: stryMutAct_9fa48("80") ? read('refreshToken') && (sources.storedRefreshToken ?? '').trim() : stryMutAct_9fa48("79") ? false : stryMutAct_9fa48("78") ? true : (stryCov_9fa48("78", "79", "80"), read(stryMutAct_9fa48("81") ? "" : (stryCov_9fa48("81"), 'refreshToken')) || (stryMutAct_9fa48("82") ? sources.storedRefreshToken ?? '' : (stryCov_9fa48("82"), (stryMutAct_9fa48("83") ? sources.storedRefreshToken && '' : (stryCov_9fa48("83"), sources.storedRefreshToken ?? (stryMutAct_9fa48("84") ? "Stryker was here!" : (stryCov_9fa48("84"), '')))).trim())))
    });
    const required: Array<keyof Credentials> = sources.refreshTokenOptional ? stryMutAct_9fa48("85") ? [] : (stryCov_9fa48("85"), [stryMutAct_9fa48("86") ? "" : (stryCov_9fa48("86"), 'clientId'), stryMutAct_9fa48("87") ? "" : (stryCov_9fa48("87"), 'clientSecret')]) : stryMutAct_9fa48("88") ? [] : (stryCov_9fa48("88"), [stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), 'clientId'), stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), 'clientSecret'), stryMutAct_9fa48("91") ? "" : (stryCov_9fa48("91"), 'refreshToken')]);
    const missing = stryMutAct_9fa48("92") ? required.map(key => CREDENTIAL_VARIABLES[key]) : (stryCov_9fa48("92"), required.filter(stryMutAct_9fa48("93") ? () => undefined : (stryCov_9fa48("93"), key => stryMutAct_9fa48("96") ? credentials[key] !== '' : stryMutAct_9fa48("95") ? false : stryMutAct_9fa48("94") ? true : (stryCov_9fa48("94", "95", "96"), credentials[key] === (stryMutAct_9fa48("97") ? "Stryker was here!" : (stryCov_9fa48("97"), ''))))).map(stryMutAct_9fa48("98") ? () => undefined : (stryCov_9fa48("98"), key => CREDENTIAL_VARIABLES[key])));
    if (stryMutAct_9fa48("102") ? missing.length <= 0 : stryMutAct_9fa48("101") ? missing.length >= 0 : stryMutAct_9fa48("100") ? false : stryMutAct_9fa48("99") ? true : (stryCov_9fa48("99", "100", "101", "102"), missing.length > 0)) {
      if (stryMutAct_9fa48("103")) {
        {}
      } else {
        stryCov_9fa48("103");
        throw new UserError(stryMutAct_9fa48("104") ? `` : (stryCov_9fa48("104"), `missing credentials: set ${missing.join(stryMutAct_9fa48("105") ? "" : (stryCov_9fa48("105"), ', '))} in the environment (the refresh token may also come from --refresh-token-file or from pleo-postman login)`), ERROR_CODES.CREDENTIALS_MISSING);
      }
    }
    return credentials;
  }
}

/** The refresh token kept in a file by an earlier run, or undefined when the file does not exist. */
export async function readRefreshTokenFile(path: string): Promise<string | undefined> {
  if (stryMutAct_9fa48("106")) {
    {}
  } else {
    stryCov_9fa48("106");
    try {
      if (stryMutAct_9fa48("107")) {
        {}
      } else {
        stryCov_9fa48("107");
        return stryMutAct_9fa48("110") ? (await readFile(path, 'utf8')).trim() && undefined : stryMutAct_9fa48("109") ? false : stryMutAct_9fa48("108") ? true : (stryCov_9fa48("108", "109", "110"), (stryMutAct_9fa48("111") ? await readFile(path, 'utf8') : (stryCov_9fa48("111"), (await readFile(path, stryMutAct_9fa48("112") ? "" : (stryCov_9fa48("112"), 'utf8'))).trim())) || undefined);
      }
    } catch (error) {
      if (stryMutAct_9fa48("113")) {
        {}
      } else {
        stryCov_9fa48("113");
        if (stryMutAct_9fa48("116") ? (error as NodeJS.ErrnoException).code !== 'ENOENT' : stryMutAct_9fa48("115") ? false : stryMutAct_9fa48("114") ? true : (stryCov_9fa48("114", "115", "116"), (error as NodeJS.ErrnoException).code === (stryMutAct_9fa48("117") ? "" : (stryCov_9fa48("117"), 'ENOENT')))) return undefined;
        throw new UserError(stryMutAct_9fa48("118") ? `` : (stryCov_9fa48("118"), `cannot read --refresh-token-file "${path}": ${stryMutAct_9fa48("119") ? (error as NodeJS.ErrnoException).code && 'unreadable' : (stryCov_9fa48("119"), (error as NodeJS.ErrnoException).code ?? (stryMutAct_9fa48("120") ? "" : (stryCov_9fa48("120"), 'unreadable')))}`), ERROR_CODES.OPTION_INVALID, stryMutAct_9fa48("121") ? {} : (stryCov_9fa48("121"), {
          cause: error
        }));
      }
    }
  }
}

/** Writes a rotated refresh token atomically, readable by its owner only (mode 0600). */
export async function writeRefreshTokenFile(path: string, token: string): Promise<void> {
  if (stryMutAct_9fa48("122")) {
    {}
  } else {
    stryCov_9fa48("122");
    const temp = stryMutAct_9fa48("123") ? `` : (stryCov_9fa48("123"), `${path}.${randomBytes(6).toString(stryMutAct_9fa48("124") ? "" : (stryCov_9fa48("124"), 'hex'))}.tmp`);
    await writeFile(temp, stryMutAct_9fa48("125") ? `` : (stryCov_9fa48("125"), `${token}\n`), stryMutAct_9fa48("126") ? {} : (stryCov_9fa48("126"), {
      mode: 0o600,
      flag: stryMutAct_9fa48("127") ? "" : (stryCov_9fa48("127"), 'wx')
    }));
    await rename(temp, path);
  }
}

/**
 * Takes `FILE.lock` for the length of a run (see `lockTokenFile`: owner recorded, a stale lock taken
 * over). Returns the function that releases it.
 */
export async function lockRefreshTokenFile(path: string): Promise<() => Promise<void>> {
  if (stryMutAct_9fa48("128")) {
    {}
  } else {
    stryCov_9fa48("128");
    return (await lockTokenFile(path)).release;
  }
}