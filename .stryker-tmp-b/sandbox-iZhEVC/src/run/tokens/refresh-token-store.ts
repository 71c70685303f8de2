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
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a refresh token atomically and durably, readable by its owner only: a new file (mode 0600)
 * beside the target, fsync, rename over the target, fsync of the folder. Synchronous on purpose: it is
 * called from Newman's `request` event, which postman-runtime emits before it hands the response to
 * the script or sends anything else, so the token is on disk before the run goes on.
 */
export function writeRefreshTokenFileSync(path: string, token: string): void {
  if (stryMutAct_9fa48("459")) {
    {}
  } else {
    stryCov_9fa48("459");
    mkdirSync(dirname(path), stryMutAct_9fa48("460") ? {} : (stryCov_9fa48("460"), {
      recursive: stryMutAct_9fa48("461") ? false : (stryCov_9fa48("461"), true),
      mode: 0o700
    }));
    const temp = stryMutAct_9fa48("462") ? `` : (stryCov_9fa48("462"), `${path}.${randomBytes(6).toString(stryMutAct_9fa48("463") ? "" : (stryCov_9fa48("463"), 'hex'))}.tmp`);
    const fd = openSync(temp, stryMutAct_9fa48("464") ? "" : (stryCov_9fa48("464"), 'wx'), 0o600);
    try {
      if (stryMutAct_9fa48("465")) {
        {}
      } else {
        stryCov_9fa48("465");
        writeSync(fd, stryMutAct_9fa48("466") ? `` : (stryCov_9fa48("466"), `${token}\n`));
        fsyncSync(fd);
      }
    } catch (error) {
      if (stryMutAct_9fa48("467")) {
        {}
      } else {
        stryCov_9fa48("467");
        closeSync(fd);
        rmSync(temp, stryMutAct_9fa48("468") ? {} : (stryCov_9fa48("468"), {
          force: stryMutAct_9fa48("469") ? false : (stryCov_9fa48("469"), true)
        }));
        throw error;
      }
    }
    closeSync(fd);
    try {
      if (stryMutAct_9fa48("470")) {
        {}
      } else {
        stryCov_9fa48("470");
        renameSync(temp, path);
      }
    } catch (error) {
      if (stryMutAct_9fa48("471")) {
        {}
      } else {
        stryCov_9fa48("471");
        rmSync(temp, stryMutAct_9fa48("472") ? {} : (stryCov_9fa48("472"), {
          force: stryMutAct_9fa48("473") ? false : (stryCov_9fa48("473"), true)
        }));
        throw error;
      }
    }
    syncFolder(dirname(path));
  }
}

/** fsync of a folder, so the rename itself survives a power cut; not every platform allows it. */
function syncFolder(folder: string): void {
  if (stryMutAct_9fa48("474")) {
    {}
  } else {
    stryCov_9fa48("474");
    let fd: number | undefined;
    try {
      if (stryMutAct_9fa48("475")) {
        {}
      } else {
        stryCov_9fa48("475");
        fd = openSync(folder, stryMutAct_9fa48("476") ? "" : (stryCov_9fa48("476"), 'r'));
        fsyncSync(fd);
      }
    } catch {
      // Windows cannot open a folder; the rename is still atomic there.
    } finally {
      if (stryMutAct_9fa48("477")) {
        {}
      } else {
        stryCov_9fa48("477");
        if (stryMutAct_9fa48("480") ? fd === undefined : stryMutAct_9fa48("479") ? false : stryMutAct_9fa48("478") ? true : (stryCov_9fa48("478", "479", "480"), fd !== undefined)) closeSync(fd);
      }
    }
  }
}

/**
 * Checks, before anything is sent, that a rotated token could be written into `path`'s folder
 * (created 0700 if missing), by creating and removing a temporary file there.
 */
export function assertWritableFolder(path: string): void {
  if (stryMutAct_9fa48("481")) {
    {}
  } else {
    stryCov_9fa48("481");
    mkdirSync(dirname(path), stryMutAct_9fa48("482") ? {} : (stryCov_9fa48("482"), {
      recursive: stryMutAct_9fa48("483") ? false : (stryCov_9fa48("483"), true),
      mode: 0o700
    }));
    const probe = stryMutAct_9fa48("484") ? `` : (stryCov_9fa48("484"), `${path}.${randomBytes(6).toString(stryMutAct_9fa48("485") ? "" : (stryCov_9fa48("485"), 'hex'))}.probe`);
    closeSync(openSync(probe, stryMutAct_9fa48("486") ? "" : (stryCov_9fa48("486"), 'wx'), 0o600));
    rmSync(probe, stryMutAct_9fa48("487") ? {} : (stryCov_9fa48("487"), {
      force: stryMutAct_9fa48("488") ? false : (stryCov_9fa48("488"), true)
    }));
  }
}