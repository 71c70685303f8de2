// @ts-nocheck
import { SECURITY_FOLDER_NAME, TOKEN_FOLDER_NAME } from '../../generate/scripts/index.js';

/** A collection item (folder or request) as far as splitting a suite needs it. */
export type ItemJson = {
  name?: string;
  item?: ItemJson[];
  request?: unknown;
  event?: Array<{ listen?: string; script?: { exec?: string | string[] } }>;
};

/** A Postman collection v2.1 (JSON) as far as splitting a suite needs it. */
export interface CollectionJson {
  info?: { name?: string };
  item?: unknown[];
  [key: string]: unknown;
}

/**
 * Folders that must run in the same runner, because a request of one uses a variable that a request of
 * another captures (e.g. Export reads the `employeeId` that Employees captures). `key` names the unit: its
 * first folder in collection order (capturing folders come first), so adding a folder rarely renames one.
 */
export interface FolderUnit {
  key: string;
  folders: string[];
  requests: number;
}

/** The generated folders that are no resource group: the token step first, the Security checks last. */
const GENERATED_FOLDERS: ReadonlySet<string | undefined> = new Set([TOKEN_FOLDER_NAME, SECURITY_FOLDER_NAME]);

const topFolders = (collection: CollectionJson): ItemJson[] =>
  ((collection.item ?? []) as ItemJson[]).filter((f) => !GENERATED_FOLDERS.has(f.name));

const requestsOf = (item: ItemJson): ItemJson[] =>
  item.item ? item.item.flatMap(requestsOf) : item.request !== undefined ? [item] : [];

const scriptText = (item: ItemJson): string =>
  (item.event ?? []).map((e) => [e.script?.exec ?? []].flat().join('\n')).join('\n');

/** Variables a folder's contract scripts capture (`"captures": { "vendorId": "data.id" }`). */
function capturedBy(folder: ItemJson): Set<string> {
  const names = new Set<string>();
  for (const request of requestsOf(folder)) {
    const match = /"captures":\s*(\{[^}]*\})/.exec(scriptText(request));
    if (!match?.[1]) continue;
    try {
      for (const name of Object.keys(JSON.parse(match[1]) as object)) names.add(name);
    } catch {
      // not the generator's contract data: nothing captured
    }
  }
  return names;
}

/** Variables a folder's requests use (`{{vendorId}}` in URL, headers or body). */
function usedBy(folder: ItemJson): Set<string> {
  const text = JSON.stringify(requestsOf(folder).map((r) => r.request));
  return new Set([...text.matchAll(/\{\{([^{}$]+)\}\}/g)].map((m) => m[1] ?? ''));
}

/**
 * The collection's folders (Security apart), grouped into units that must run together. A variable
 * the environment provides (`provided`, e.g. `companyId`) is no tie: Postman resolves an environment
 * value before a collection variable, so the capture does not change what later requests send.
 */
export function folderUnits(collection: CollectionJson, provided: ReadonlySet<string> = new Set()): FolderUnit[] {
  const folders = topFolders(collection);
  const names = folders.map((f, i) => f.name ?? `#${i}`);
  const parent = names.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const captures = folders.map(capturedBy);
  const uses = folders.map(usedBy);
  folders.forEach((_, user) => {
    captures.forEach((captured, capturer) => {
      if (capturer !== user && [...uses[user]!].some((v) => captured.has(v) && !provided.has(v))) {
        const [a, b] = [root(user), root(capturer)].sort((x, y) => x - y) as [number, number];
        parent[b] = a;
      }
    });
  });
  const units = new Map<number, FolderUnit>();
  names.forEach((name, i) => {
    const r = root(i);
    const unit = units.get(r) ?? { key: names[r] ?? name, folders: [], requests: 0 };
    unit.folders.push(name);
    unit.requests += requestsOf(folders[i]!).length;
    units.set(r, unit);
  });
  return [...units.values()];
}

/** The folder a Security item checks: its name starts with `<folder>: ` (the longest such folder). */
export function securityFolderOf(itemName: string, folderNames: readonly string[]): string | undefined {
  return folderNames.filter((name) => itemName.startsWith(`${name}: `)).sort((a, b) => b.length - a.length)[0];
}

/**
 * The collection with only the named folders, in their order, and the Security items `keepSecurity`
 * accepts (by the folder they check); a Security folder left empty is left out. The Token folder is
 * kept unless `withToken` is false (runners that share one acquisition). Everything else (auth,
 * scripts, variables) is kept as it is. Pure.
 */
export function selectFolders(
  collection: CollectionJson,
  folders: ReadonlySet<string>,
  keepSecurity: (folder: string | undefined) => boolean = (folder) => folder !== undefined && folders.has(folder),
  withToken = true,
): CollectionJson {
  const names = topFolders(collection).map((f) => f.name ?? '');
  const item = ((collection.item ?? []) as ItemJson[]).flatMap((f): ItemJson[] => {
    if (f.name === TOKEN_FOLDER_NAME) return withToken ? [f] : [];
    if (f.name !== SECURITY_FOLDER_NAME) return folders.has(f.name ?? '') ? [f] : [];
    const kept = (f.item ?? []).filter((i) => keepSecurity(securityFolderOf(i.name ?? '', names)));
    return kept.length > 0 ? [{ ...f, item: kept }] : [];
  });
  return { ...collection, item };
}

/** Requests in a collection (Security included). */
export const requestCount = (collection: CollectionJson): number =>
  ((collection.item ?? []) as ItemJson[]).flatMap(requestsOf).length;
