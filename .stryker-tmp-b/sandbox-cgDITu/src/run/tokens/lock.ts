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
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ERROR_CODES, UserError } from '../../errors.js';

/** Who holds a refresh token file: written into `FILE.lock` as JSON. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}
export interface HeldLock {
  /** Removes the lock, if it is still ours. */
  release: () => Promise<void>;
  /** Set when a lock left by a process that is gone was taken over. */
  takenOver?: LockOwner;
}
export interface LockOptions {
  /** Told about a stale lock being taken over (commands print it). */
  onNotice?: (message: string) => void;
  /** Defaults: this process, this host. For tests. */
  owner?: LockOwner;
}

/** True when `pid` is a live process on this host (EPERM: alive, but someone else's). */
export function processIsAlive(pid: number): boolean {
  if (stryMutAct_9fa48("129")) {
    {}
  } else {
    stryCov_9fa48("129");
    if (stryMutAct_9fa48("132") ? !Number.isInteger(pid) && pid <= 0 : stryMutAct_9fa48("131") ? false : stryMutAct_9fa48("130") ? true : (stryCov_9fa48("130", "131", "132"), (stryMutAct_9fa48("133") ? Number.isInteger(pid) : (stryCov_9fa48("133"), !Number.isInteger(pid))) || (stryMutAct_9fa48("136") ? pid > 0 : stryMutAct_9fa48("135") ? pid < 0 : stryMutAct_9fa48("134") ? false : (stryCov_9fa48("134", "135", "136"), pid <= 0)))) return stryMutAct_9fa48("137") ? true : (stryCov_9fa48("137"), false);
    try {
      if (stryMutAct_9fa48("138")) {
        {}
      } else {
        stryCov_9fa48("138");
        process.kill(pid, 0);
        return stryMutAct_9fa48("139") ? false : (stryCov_9fa48("139"), true);
      }
    } catch (error) {
      if (stryMutAct_9fa48("140")) {
        {}
      } else {
        stryCov_9fa48("140");
        return stryMutAct_9fa48("143") ? (error as NodeJS.ErrnoException).code !== 'EPERM' : stryMutAct_9fa48("142") ? false : stryMutAct_9fa48("141") ? true : (stryCov_9fa48("141", "142", "143"), (error as NodeJS.ErrnoException).code === (stryMutAct_9fa48("144") ? "" : (stryCov_9fa48("144"), 'EPERM')));
      }
    }
  }
}

/** A lock file's owner, or undefined for an empty or unreadable one (an older pleo-postman wrote empty locks). */
export function parseLockOwner(text: string): LockOwner | undefined {
  if (stryMutAct_9fa48("145")) {
    {}
  } else {
    stryCov_9fa48("145");
    try {
      if (stryMutAct_9fa48("146")) {
        {}
      } else {
        stryCov_9fa48("146");
        const json = JSON.parse(text) as Partial<LockOwner>;
        if (stryMutAct_9fa48("149") ? typeof json.pid === 'number' || typeof json.host === 'string' : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149"), (stryMutAct_9fa48("151") ? typeof json.pid !== 'number' : stryMutAct_9fa48("150") ? true : (stryCov_9fa48("150", "151"), typeof json.pid === (stryMutAct_9fa48("152") ? "" : (stryCov_9fa48("152"), 'number')))) && (stryMutAct_9fa48("154") ? typeof json.host !== 'string' : stryMutAct_9fa48("153") ? true : (stryCov_9fa48("153", "154"), typeof json.host === (stryMutAct_9fa48("155") ? "" : (stryCov_9fa48("155"), 'string')))))) {
          if (stryMutAct_9fa48("156")) {
            {}
          } else {
            stryCov_9fa48("156");
            return stryMutAct_9fa48("157") ? {} : (stryCov_9fa48("157"), {
              pid: json.pid,
              host: json.host,
              startedAt: String(stryMutAct_9fa48("158") ? json.startedAt && '' : (stryCov_9fa48("158"), json.startedAt ?? (stryMutAct_9fa48("159") ? "Stryker was here!" : (stryCov_9fa48("159"), ''))))
            });
          }
        }
      }
    } catch {
      // not ours
    }
    return undefined;
  }
}
const currentOwner = stryMutAct_9fa48("160") ? () => undefined : (stryCov_9fa48("160"), (() => {
  const currentOwner = (): LockOwner => stryMutAct_9fa48("161") ? {} : (stryCov_9fa48("161"), {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString()
  });
  return currentOwner;
})());
async function createExclusive(path: string, text: string): Promise<boolean> {
  if (stryMutAct_9fa48("162")) {
    {}
  } else {
    stryCov_9fa48("162");
    try {
      if (stryMutAct_9fa48("163")) {
        {}
      } else {
        stryCov_9fa48("163");
        const handle = await open(path, stryMutAct_9fa48("164") ? "" : (stryCov_9fa48("164"), 'wx'), 0o600);
        try {
          if (stryMutAct_9fa48("165")) {
            {}
          } else {
            stryCov_9fa48("165");
            await handle.writeFile(text);
            await handle.sync();
          }
        } finally {
          if (stryMutAct_9fa48("166")) {
            {}
          } else {
            stryCov_9fa48("166");
            await handle.close();
          }
        }
        return stryMutAct_9fa48("167") ? false : (stryCov_9fa48("167"), true);
      }
    } catch (error) {
      if (stryMutAct_9fa48("168")) {
        {}
      } else {
        stryCov_9fa48("168");
        if (stryMutAct_9fa48("171") ? (error as NodeJS.ErrnoException).code !== 'EEXIST' : stryMutAct_9fa48("170") ? false : stryMutAct_9fa48("169") ? true : (stryCov_9fa48("169", "170", "171"), (error as NodeJS.ErrnoException).code === (stryMutAct_9fa48("172") ? "" : (stryCov_9fa48("172"), 'EEXIST')))) return stryMutAct_9fa48("173") ? true : (stryCov_9fa48("173"), false);
        throw error;
      }
    }
  }
}
const readText = stryMutAct_9fa48("174") ? () => undefined : (stryCov_9fa48("174"), (() => {
  const readText = (path: string) => readFile(path, stryMutAct_9fa48("175") ? "" : (stryCov_9fa48("175"), 'utf8')).catch((error: NodeJS.ErrnoException) => {
    if (stryMutAct_9fa48("176")) {
      {}
    } else {
      stryCov_9fa48("176");
      if (stryMutAct_9fa48("179") ? error.code !== 'ENOENT' : stryMutAct_9fa48("178") ? false : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178", "179"), error.code === (stryMutAct_9fa48("180") ? "" : (stryCov_9fa48("180"), 'ENOENT')))) return undefined;
      throw error;
    }
  });
  return readText;
})());
function busy(path: string, lock: string, owner: LockOwner | undefined): UserError {
  if (stryMutAct_9fa48("181")) {
    {}
  } else {
    stryCov_9fa48("181");
    const who = owner ? stryMutAct_9fa48("182") ? `` : (stryCov_9fa48("182"), `process ${owner.pid} on ${owner.host}${owner.startedAt ? stryMutAct_9fa48("183") ? `` : (stryCov_9fa48("183"), `, since ${owner.startedAt}`) : stryMutAct_9fa48("184") ? "Stryker was here!" : (stryCov_9fa48("184"), '')}`) : stryMutAct_9fa48("185") ? "" : (stryCov_9fa48("185"), 'an unknown process');
    const gone = (stryMutAct_9fa48("188") ? owner || owner.host !== hostname() : stryMutAct_9fa48("187") ? false : stryMutAct_9fa48("186") ? true : (stryCov_9fa48("186", "187", "188"), owner && (stryMutAct_9fa48("190") ? owner.host === hostname() : stryMutAct_9fa48("189") ? true : (stryCov_9fa48("189", "190"), owner.host !== hostname())))) ? stryMutAct_9fa48("191") ? `` : (stryCov_9fa48("191"), `if no run is active on ${owner.host}, delete ${lock}`) : stryMutAct_9fa48("192") ? `` : (stryCov_9fa48("192"), `delete ${lock} if no run is active`);
    return new UserError(stryMutAct_9fa48("193") ? `` : (stryCov_9fa48("193"), `another run is using ${path} (${lock} is held by ${who}): two runs must not refresh with the same token, or Pleo revokes the grant; ${gone}`), ERROR_CODES.TOKEN_FILE_LOCKED);
  }
}

/**
 * Replaces a stale lock under a short-lived `FILE.lock.takeover` mutex, so two runs that find the
 * same stale lock cannot both take it: the holder checks again that the lock is the stale one it read,
 * removes it and creates its own exclusively. Returns false when another run got there first.
 */
async function takeOver(lock: string, staleText: string, ownText: string): Promise<boolean> {
  if (stryMutAct_9fa48("194")) {
    {}
  } else {
    stryCov_9fa48("194");
    const mutex = stryMutAct_9fa48("195") ? `` : (stryCov_9fa48("195"), `${lock}.takeover`);
    const mine = JSON.stringify(currentOwner());
    if (stryMutAct_9fa48("198") ? false : stryMutAct_9fa48("197") ? true : stryMutAct_9fa48("196") ? await createExclusive(mutex, mine) : (stryCov_9fa48("196", "197", "198"), !(await createExclusive(mutex, mine)))) {
      if (stryMutAct_9fa48("199")) {
        {}
      } else {
        stryCov_9fa48("199");
        const holder = parseLockOwner(stryMutAct_9fa48("200") ? (await readText(mutex)) && '' : (stryCov_9fa48("200"), (await readText(mutex)) ?? (stryMutAct_9fa48("201") ? "Stryker was here!" : (stryCov_9fa48("201"), ''))));
        // A takeover lasts milliseconds; one whose process is gone crashed in the middle of it.
        if (stryMutAct_9fa48("204") ? holder && holder.host === hostname() || !processIsAlive(holder.pid) : stryMutAct_9fa48("203") ? false : stryMutAct_9fa48("202") ? true : (stryCov_9fa48("202", "203", "204"), (stryMutAct_9fa48("206") ? holder || holder.host === hostname() : stryMutAct_9fa48("205") ? true : (stryCov_9fa48("205", "206"), holder && (stryMutAct_9fa48("208") ? holder.host !== hostname() : stryMutAct_9fa48("207") ? true : (stryCov_9fa48("207", "208"), holder.host === hostname())))) && (stryMutAct_9fa48("209") ? processIsAlive(holder.pid) : (stryCov_9fa48("209"), !processIsAlive(holder.pid))))) await rm(mutex, stryMutAct_9fa48("210") ? {} : (stryCov_9fa48("210"), {
          force: stryMutAct_9fa48("211") ? false : (stryCov_9fa48("211"), true)
        }));
        return stryMutAct_9fa48("212") ? true : (stryCov_9fa48("212"), false);
      }
    }
    try {
      if (stryMutAct_9fa48("213")) {
        {}
      } else {
        stryCov_9fa48("213");
        if (stryMutAct_9fa48("216") ? (await readText(lock)) === staleText : stryMutAct_9fa48("215") ? false : stryMutAct_9fa48("214") ? true : (stryCov_9fa48("214", "215", "216"), (await readText(lock)) !== staleText)) return stryMutAct_9fa48("217") ? true : (stryCov_9fa48("217"), false);
        await rm(lock, stryMutAct_9fa48("218") ? {} : (stryCov_9fa48("218"), {
          force: stryMutAct_9fa48("219") ? false : (stryCov_9fa48("219"), true)
        }));
        return await createExclusive(lock, ownText);
      }
    } finally {
      if (stryMutAct_9fa48("220")) {
        {}
      } else {
        stryCov_9fa48("220");
        await rm(mutex, stryMutAct_9fa48("221") ? {} : (stryCov_9fa48("221"), {
          force: stryMutAct_9fa48("222") ? false : (stryCov_9fa48("222"), true)
        }));
      }
    }
  }
}

/**
 * Takes `FILE.lock` for the length of a run, so two runs sharing a refresh token file never refresh
 * with the same token (Pleo revokes the whole grant when one is used twice). The lock records its
 * owner (PID and host); a lock whose process is gone (same host, no such PID) is taken over with a
 * notice, so a run killed with SIGKILL needs no manual step. A live owner, or one on another host,
 * makes this throw a UserError.
 */
export async function lockTokenFile(path: string, options: LockOptions = {}): Promise<HeldLock> {
  if (stryMutAct_9fa48("223")) {
    {}
  } else {
    stryCov_9fa48("223");
    const lock = stryMutAct_9fa48("224") ? `` : (stryCov_9fa48("224"), `${path}.lock`);
    const owner = stryMutAct_9fa48("225") ? options.owner && currentOwner() : (stryCov_9fa48("225"), options.owner ?? currentOwner());
    const ownText = stryMutAct_9fa48("226") ? `` : (stryCov_9fa48("226"), `${JSON.stringify(owner)}\n`);
    const release = async () => {
      if (stryMutAct_9fa48("227")) {
        {}
      } else {
        stryCov_9fa48("227");
        if (stryMutAct_9fa48("230") ? (await readText(lock)) !== ownText : stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229", "230"), (await readText(lock)) === ownText)) await rm(lock, stryMutAct_9fa48("231") ? {} : (stryCov_9fa48("231"), {
          force: stryMutAct_9fa48("232") ? false : (stryCov_9fa48("232"), true)
        }));
      }
    };
    await mkdir(dirname(path), stryMutAct_9fa48("233") ? {} : (stryCov_9fa48("233"), {
      recursive: stryMutAct_9fa48("234") ? false : (stryCov_9fa48("234"), true),
      mode: 0o700
    }));
    for (let attempt = 0; stryMutAct_9fa48("237") ? attempt >= 20 : stryMutAct_9fa48("236") ? attempt <= 20 : stryMutAct_9fa48("235") ? false : (stryCov_9fa48("235", "236", "237"), attempt < 20); stryMutAct_9fa48("238") ? attempt-- : (stryCov_9fa48("238"), attempt++)) {
      if (stryMutAct_9fa48("239")) {
        {}
      } else {
        stryCov_9fa48("239");
        if (stryMutAct_9fa48("241") ? false : stryMutAct_9fa48("240") ? true : (stryCov_9fa48("240", "241"), await createExclusive(lock, ownText))) return stryMutAct_9fa48("242") ? {} : (stryCov_9fa48("242"), {
          release
        });
        const text = await readText(lock);
        if (stryMutAct_9fa48("245") ? text !== undefined : stryMutAct_9fa48("244") ? false : stryMutAct_9fa48("243") ? true : (stryCov_9fa48("243", "244", "245"), text === undefined)) continue; // released meanwhile: try again
        const holder = parseLockOwner(text);
        const stale = stryMutAct_9fa48("248") ? holder !== undefined && holder.host === owner.host || !processIsAlive(holder.pid) : stryMutAct_9fa48("247") ? false : stryMutAct_9fa48("246") ? true : (stryCov_9fa48("246", "247", "248"), (stryMutAct_9fa48("250") ? holder !== undefined || holder.host === owner.host : stryMutAct_9fa48("249") ? true : (stryCov_9fa48("249", "250"), (stryMutAct_9fa48("252") ? holder === undefined : stryMutAct_9fa48("251") ? true : (stryCov_9fa48("251", "252"), holder !== undefined)) && (stryMutAct_9fa48("254") ? holder.host !== owner.host : stryMutAct_9fa48("253") ? true : (stryCov_9fa48("253", "254"), holder.host === owner.host)))) && (stryMutAct_9fa48("255") ? processIsAlive(holder.pid) : (stryCov_9fa48("255"), !processIsAlive(holder.pid))));
        if (stryMutAct_9fa48("258") ? false : stryMutAct_9fa48("257") ? true : stryMutAct_9fa48("256") ? stale : (stryCov_9fa48("256", "257", "258"), !stale)) throw busy(path, lock, holder);
        if (stryMutAct_9fa48("260") ? false : stryMutAct_9fa48("259") ? true : (stryCov_9fa48("259", "260"), await takeOver(lock, text, ownText))) {
          if (stryMutAct_9fa48("261")) {
            {}
          } else {
            stryCov_9fa48("261");
            stryMutAct_9fa48("262") ? options.onNotice(`took over ${lock}: it was left by process ${holder.pid} on ${holder.host}, which is no longer running`) : (stryCov_9fa48("262"), options.onNotice?.(stryMutAct_9fa48("263") ? `` : (stryCov_9fa48("263"), `took over ${lock}: it was left by process ${holder.pid} on ${holder.host}, which is no longer running`)));
            return stryMutAct_9fa48("264") ? {} : (stryCov_9fa48("264"), {
              release,
              takenOver: holder
            });
          }
        }
        await new Promise(stryMutAct_9fa48("265") ? () => undefined : (stryCov_9fa48("265"), resolve => setTimeout(resolve, 25)));
      }
    }
    throw busy(path, lock, parseLockOwner(stryMutAct_9fa48("266") ? (await readText(lock)) && '' : (stryCov_9fa48("266"), (await readText(lock)) ?? (stryMutAct_9fa48("267") ? "Stryker was here!" : (stryCov_9fa48("267"), '')))));
  }
}