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
  if (stryMutAct_9fa48("320")) {
    {}
  } else {
    stryCov_9fa48("320");
    if (stryMutAct_9fa48("323") ? !Number.isInteger(pid) && pid <= 0 : stryMutAct_9fa48("322") ? false : stryMutAct_9fa48("321") ? true : (stryCov_9fa48("321", "322", "323"), (stryMutAct_9fa48("324") ? Number.isInteger(pid) : (stryCov_9fa48("324"), !Number.isInteger(pid))) || (stryMutAct_9fa48("327") ? pid > 0 : stryMutAct_9fa48("326") ? pid < 0 : stryMutAct_9fa48("325") ? false : (stryCov_9fa48("325", "326", "327"), pid <= 0)))) return stryMutAct_9fa48("328") ? true : (stryCov_9fa48("328"), false);
    try {
      if (stryMutAct_9fa48("329")) {
        {}
      } else {
        stryCov_9fa48("329");
        process.kill(pid, 0);
        return stryMutAct_9fa48("330") ? false : (stryCov_9fa48("330"), true);
      }
    } catch (error) {
      if (stryMutAct_9fa48("331")) {
        {}
      } else {
        stryCov_9fa48("331");
        return stryMutAct_9fa48("334") ? (error as NodeJS.ErrnoException).code !== 'EPERM' : stryMutAct_9fa48("333") ? false : stryMutAct_9fa48("332") ? true : (stryCov_9fa48("332", "333", "334"), (error as NodeJS.ErrnoException).code === (stryMutAct_9fa48("335") ? "" : (stryCov_9fa48("335"), 'EPERM')));
      }
    }
  }
}

/** A lock file's owner, or undefined for an empty or unreadable one (an older pleo-postman wrote empty locks). */
export function parseLockOwner(text: string): LockOwner | undefined {
  if (stryMutAct_9fa48("336")) {
    {}
  } else {
    stryCov_9fa48("336");
    try {
      if (stryMutAct_9fa48("337")) {
        {}
      } else {
        stryCov_9fa48("337");
        const json = JSON.parse(text) as Partial<LockOwner>;
        if (stryMutAct_9fa48("340") ? typeof json.pid === 'number' || typeof json.host === 'string' : stryMutAct_9fa48("339") ? false : stryMutAct_9fa48("338") ? true : (stryCov_9fa48("338", "339", "340"), (stryMutAct_9fa48("342") ? typeof json.pid !== 'number' : stryMutAct_9fa48("341") ? true : (stryCov_9fa48("341", "342"), typeof json.pid === (stryMutAct_9fa48("343") ? "" : (stryCov_9fa48("343"), 'number')))) && (stryMutAct_9fa48("345") ? typeof json.host !== 'string' : stryMutAct_9fa48("344") ? true : (stryCov_9fa48("344", "345"), typeof json.host === (stryMutAct_9fa48("346") ? "" : (stryCov_9fa48("346"), 'string')))))) {
          if (stryMutAct_9fa48("347")) {
            {}
          } else {
            stryCov_9fa48("347");
            return stryMutAct_9fa48("348") ? {} : (stryCov_9fa48("348"), {
              pid: json.pid,
              host: json.host,
              startedAt: String(stryMutAct_9fa48("349") ? json.startedAt && '' : (stryCov_9fa48("349"), json.startedAt ?? (stryMutAct_9fa48("350") ? "Stryker was here!" : (stryCov_9fa48("350"), ''))))
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
const currentOwner = stryMutAct_9fa48("351") ? () => undefined : (stryCov_9fa48("351"), (() => {
  const currentOwner = (): LockOwner => stryMutAct_9fa48("352") ? {} : (stryCov_9fa48("352"), {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString()
  });
  return currentOwner;
})());
async function createExclusive(path: string, text: string): Promise<boolean> {
  if (stryMutAct_9fa48("353")) {
    {}
  } else {
    stryCov_9fa48("353");
    try {
      if (stryMutAct_9fa48("354")) {
        {}
      } else {
        stryCov_9fa48("354");
        const handle = await open(path, stryMutAct_9fa48("355") ? "" : (stryCov_9fa48("355"), 'wx'), 0o600);
        try {
          if (stryMutAct_9fa48("356")) {
            {}
          } else {
            stryCov_9fa48("356");
            await handle.writeFile(text);
            await handle.sync();
          }
        } finally {
          if (stryMutAct_9fa48("357")) {
            {}
          } else {
            stryCov_9fa48("357");
            await handle.close();
          }
        }
        return stryMutAct_9fa48("358") ? false : (stryCov_9fa48("358"), true);
      }
    } catch (error) {
      if (stryMutAct_9fa48("359")) {
        {}
      } else {
        stryCov_9fa48("359");
        if (stryMutAct_9fa48("362") ? (error as NodeJS.ErrnoException).code !== 'EEXIST' : stryMutAct_9fa48("361") ? false : stryMutAct_9fa48("360") ? true : (stryCov_9fa48("360", "361", "362"), (error as NodeJS.ErrnoException).code === (stryMutAct_9fa48("363") ? "" : (stryCov_9fa48("363"), 'EEXIST')))) return stryMutAct_9fa48("364") ? true : (stryCov_9fa48("364"), false);
        throw error;
      }
    }
  }
}
const readText = stryMutAct_9fa48("365") ? () => undefined : (stryCov_9fa48("365"), (() => {
  const readText = (path: string) => readFile(path, stryMutAct_9fa48("366") ? "" : (stryCov_9fa48("366"), 'utf8')).catch((error: NodeJS.ErrnoException) => {
    if (stryMutAct_9fa48("367")) {
      {}
    } else {
      stryCov_9fa48("367");
      if (stryMutAct_9fa48("370") ? error.code !== 'ENOENT' : stryMutAct_9fa48("369") ? false : stryMutAct_9fa48("368") ? true : (stryCov_9fa48("368", "369", "370"), error.code === (stryMutAct_9fa48("371") ? "" : (stryCov_9fa48("371"), 'ENOENT')))) return undefined;
      throw error;
    }
  });
  return readText;
})());
function busy(path: string, lock: string, owner: LockOwner | undefined): UserError {
  if (stryMutAct_9fa48("372")) {
    {}
  } else {
    stryCov_9fa48("372");
    const who = owner ? stryMutAct_9fa48("373") ? `` : (stryCov_9fa48("373"), `process ${owner.pid} on ${owner.host}${owner.startedAt ? stryMutAct_9fa48("374") ? `` : (stryCov_9fa48("374"), `, since ${owner.startedAt}`) : stryMutAct_9fa48("375") ? "Stryker was here!" : (stryCov_9fa48("375"), '')}`) : stryMutAct_9fa48("376") ? "" : (stryCov_9fa48("376"), 'an unknown process');
    const gone = (stryMutAct_9fa48("379") ? owner || owner.host !== hostname() : stryMutAct_9fa48("378") ? false : stryMutAct_9fa48("377") ? true : (stryCov_9fa48("377", "378", "379"), owner && (stryMutAct_9fa48("381") ? owner.host === hostname() : stryMutAct_9fa48("380") ? true : (stryCov_9fa48("380", "381"), owner.host !== hostname())))) ? stryMutAct_9fa48("382") ? `` : (stryCov_9fa48("382"), `if no run is active on ${owner.host}, delete ${lock}`) : stryMutAct_9fa48("383") ? `` : (stryCov_9fa48("383"), `delete ${lock} if no run is active`);
    return new UserError(stryMutAct_9fa48("384") ? `` : (stryCov_9fa48("384"), `another run is using ${path} (${lock} is held by ${who}): two runs must not refresh with the same token, or Pleo revokes the grant; ${gone}`), ERROR_CODES.TOKEN_FILE_LOCKED);
  }
}

/**
 * Replaces a stale lock under a short-lived `FILE.lock.takeover` mutex, so two runs that find the
 * same stale lock cannot both take it: the holder checks again that the lock is the stale one it read,
 * removes it and creates its own exclusively. Returns false when another run got there first.
 */
async function takeOver(lock: string, staleText: string, ownText: string): Promise<boolean> {
  if (stryMutAct_9fa48("385")) {
    {}
  } else {
    stryCov_9fa48("385");
    const mutex = stryMutAct_9fa48("386") ? `` : (stryCov_9fa48("386"), `${lock}.takeover`);
    const mine = JSON.stringify(currentOwner());
    if (stryMutAct_9fa48("389") ? false : stryMutAct_9fa48("388") ? true : stryMutAct_9fa48("387") ? await createExclusive(mutex, mine) : (stryCov_9fa48("387", "388", "389"), !(await createExclusive(mutex, mine)))) {
      if (stryMutAct_9fa48("390")) {
        {}
      } else {
        stryCov_9fa48("390");
        const holder = parseLockOwner(stryMutAct_9fa48("391") ? (await readText(mutex)) && '' : (stryCov_9fa48("391"), (await readText(mutex)) ?? (stryMutAct_9fa48("392") ? "Stryker was here!" : (stryCov_9fa48("392"), ''))));
        // A takeover lasts milliseconds; one whose process is gone crashed in the middle of it.
        if (stryMutAct_9fa48("395") ? holder && holder.host === hostname() || !processIsAlive(holder.pid) : stryMutAct_9fa48("394") ? false : stryMutAct_9fa48("393") ? true : (stryCov_9fa48("393", "394", "395"), (stryMutAct_9fa48("397") ? holder || holder.host === hostname() : stryMutAct_9fa48("396") ? true : (stryCov_9fa48("396", "397"), holder && (stryMutAct_9fa48("399") ? holder.host !== hostname() : stryMutAct_9fa48("398") ? true : (stryCov_9fa48("398", "399"), holder.host === hostname())))) && (stryMutAct_9fa48("400") ? processIsAlive(holder.pid) : (stryCov_9fa48("400"), !processIsAlive(holder.pid))))) await rm(mutex, stryMutAct_9fa48("401") ? {} : (stryCov_9fa48("401"), {
          force: stryMutAct_9fa48("402") ? false : (stryCov_9fa48("402"), true)
        }));
        return stryMutAct_9fa48("403") ? true : (stryCov_9fa48("403"), false);
      }
    }
    try {
      if (stryMutAct_9fa48("404")) {
        {}
      } else {
        stryCov_9fa48("404");
        if (stryMutAct_9fa48("407") ? (await readText(lock)) === staleText : stryMutAct_9fa48("406") ? false : stryMutAct_9fa48("405") ? true : (stryCov_9fa48("405", "406", "407"), (await readText(lock)) !== staleText)) return stryMutAct_9fa48("408") ? true : (stryCov_9fa48("408"), false);
        await rm(lock, stryMutAct_9fa48("409") ? {} : (stryCov_9fa48("409"), {
          force: stryMutAct_9fa48("410") ? false : (stryCov_9fa48("410"), true)
        }));
        return await createExclusive(lock, ownText);
      }
    } finally {
      if (stryMutAct_9fa48("411")) {
        {}
      } else {
        stryCov_9fa48("411");
        await rm(mutex, stryMutAct_9fa48("412") ? {} : (stryCov_9fa48("412"), {
          force: stryMutAct_9fa48("413") ? false : (stryCov_9fa48("413"), true)
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
  if (stryMutAct_9fa48("414")) {
    {}
  } else {
    stryCov_9fa48("414");
    const lock = stryMutAct_9fa48("415") ? `` : (stryCov_9fa48("415"), `${path}.lock`);
    const owner = stryMutAct_9fa48("416") ? options.owner && currentOwner() : (stryCov_9fa48("416"), options.owner ?? currentOwner());
    const ownText = stryMutAct_9fa48("417") ? `` : (stryCov_9fa48("417"), `${JSON.stringify(owner)}\n`);
    const release = async () => {
      if (stryMutAct_9fa48("418")) {
        {}
      } else {
        stryCov_9fa48("418");
        if (stryMutAct_9fa48("421") ? (await readText(lock)) !== ownText : stryMutAct_9fa48("420") ? false : stryMutAct_9fa48("419") ? true : (stryCov_9fa48("419", "420", "421"), (await readText(lock)) === ownText)) await rm(lock, stryMutAct_9fa48("422") ? {} : (stryCov_9fa48("422"), {
          force: stryMutAct_9fa48("423") ? false : (stryCov_9fa48("423"), true)
        }));
      }
    };
    await mkdir(dirname(path), stryMutAct_9fa48("424") ? {} : (stryCov_9fa48("424"), {
      recursive: stryMutAct_9fa48("425") ? false : (stryCov_9fa48("425"), true),
      mode: 0o700
    }));
    for (let attempt = 0; stryMutAct_9fa48("428") ? attempt >= 20 : stryMutAct_9fa48("427") ? attempt <= 20 : stryMutAct_9fa48("426") ? false : (stryCov_9fa48("426", "427", "428"), attempt < 20); stryMutAct_9fa48("429") ? attempt-- : (stryCov_9fa48("429"), attempt++)) {
      if (stryMutAct_9fa48("430")) {
        {}
      } else {
        stryCov_9fa48("430");
        if (stryMutAct_9fa48("432") ? false : stryMutAct_9fa48("431") ? true : (stryCov_9fa48("431", "432"), await createExclusive(lock, ownText))) return stryMutAct_9fa48("433") ? {} : (stryCov_9fa48("433"), {
          release
        });
        const text = await readText(lock);
        if (stryMutAct_9fa48("436") ? text !== undefined : stryMutAct_9fa48("435") ? false : stryMutAct_9fa48("434") ? true : (stryCov_9fa48("434", "435", "436"), text === undefined)) continue; // released meanwhile: try again
        const holder = parseLockOwner(text);
        const stale = stryMutAct_9fa48("439") ? holder !== undefined && holder.host === owner.host || !processIsAlive(holder.pid) : stryMutAct_9fa48("438") ? false : stryMutAct_9fa48("437") ? true : (stryCov_9fa48("437", "438", "439"), (stryMutAct_9fa48("441") ? holder !== undefined || holder.host === owner.host : stryMutAct_9fa48("440") ? true : (stryCov_9fa48("440", "441"), (stryMutAct_9fa48("443") ? holder === undefined : stryMutAct_9fa48("442") ? true : (stryCov_9fa48("442", "443"), holder !== undefined)) && (stryMutAct_9fa48("445") ? holder.host !== owner.host : stryMutAct_9fa48("444") ? true : (stryCov_9fa48("444", "445"), holder.host === owner.host)))) && (stryMutAct_9fa48("446") ? processIsAlive(holder.pid) : (stryCov_9fa48("446"), !processIsAlive(holder.pid))));
        if (stryMutAct_9fa48("449") ? false : stryMutAct_9fa48("448") ? true : stryMutAct_9fa48("447") ? stale : (stryCov_9fa48("447", "448", "449"), !stale)) throw busy(path, lock, holder);
        if (stryMutAct_9fa48("451") ? false : stryMutAct_9fa48("450") ? true : (stryCov_9fa48("450", "451"), await takeOver(lock, text, ownText))) {
          if (stryMutAct_9fa48("452")) {
            {}
          } else {
            stryCov_9fa48("452");
            stryMutAct_9fa48("453") ? options.onNotice(`took over ${lock}: it was left by process ${holder.pid} on ${holder.host}, which is no longer running`) : (stryCov_9fa48("453"), options.onNotice?.(stryMutAct_9fa48("454") ? `` : (stryCov_9fa48("454"), `took over ${lock}: it was left by process ${holder.pid} on ${holder.host}, which is no longer running`)));
            return stryMutAct_9fa48("455") ? {} : (stryCov_9fa48("455"), {
              release,
              takenOver: holder
            });
          }
        }
        await new Promise(stryMutAct_9fa48("456") ? () => undefined : (stryCov_9fa48("456"), resolve => setTimeout(resolve, 25)));
      }
    }
    throw busy(path, lock, parseLockOwner(stryMutAct_9fa48("457") ? (await readText(lock)) && '' : (stryCov_9fa48("457"), (await readText(lock)) ?? (stryMutAct_9fa48("458") ? "Stryker was here!" : (stryCov_9fa48("458"), '')))));
  }
}