import { SECURITY_FOLDER_NAME, TOKEN_FOLDER_NAME } from '../../generate/scripts/index.js';
import { capturedBy, usedBy, type CollectionJson, type ItemJson } from './folders.js';

/** Part of one folder that can run apart from the rest of it: the indices of its items, in order. */
export interface RequestChain {
  folder: string;
  items: number[];
  requests: number;
}

const requestsIn = (item: ItemJson): number =>
  item.item ? item.item.reduce((n, i) => n + requestsIn(i), 0) : item.request !== undefined ? 1 : 0;

/**
 * A folder's items split into chains that share no variable: an item that uses a variable an earlier
 * item of the folder captures runs after it, in the same chain; items tied to nothing are chains of
 * their own. A variable the environment provides is no tie (see `folderUnits`). Pure.
 */
export function requestChains(folder: ItemJson, provided: ReadonlySet<string> = new Set()): RequestChain[] {
  const items = folder.item ?? [];
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const capturer = new Map<string, number>(); // variable → the first item that captures it
  items.forEach((item, i) => {
    for (const variable of usedBy(item)) {
      const from = capturer.get(variable);
      if (from === undefined || provided.has(variable)) continue;
      const [a, b] = [root(from), root(i)].sort((x, y) => x - y) as [number, number];
      parent[b] = a;
    }
    for (const variable of capturedBy(item)) if (!capturer.has(variable)) capturer.set(variable, i);
  });
  const chains = new Map<number, RequestChain>();
  items.forEach((item, i) => {
    const r = root(i);
    const chain = chains.get(r) ?? { folder: folder.name ?? '', items: [], requests: 0 };
    chain.items.push(i);
    chain.requests += requestsIn(item);
    chains.set(r, chain);
  });
  return [...chains.values()];
}

/** Chains of several folders that must run in one runner, in collection order: the indices of each folder's items. */
export interface ChainUnit {
  items: Record<string, number[]>;
  requests: number;
}

/**
 * Every folder (Token and Security apart) split into its chains, and chains of different folders
 * joined when one uses a variable the other captures (the Negative folder's cases join the chain that
 * captures the id they send). What is left apart may run in another runner at the same time. Pure.
 */
export function chainUnits(collection: CollectionJson, provided: ReadonlySet<string> = new Set()): ChainUnit[] {
  const folders = ((collection.item ?? []) as ItemJson[]).filter(
    (f) => f.name !== TOKEN_FOLDER_NAME && f.name !== SECURITY_FOLDER_NAME,
  );
  const nodes = folders.flatMap((folder) =>
    requestChains(folder, provided).map((chain) => {
      const items = chain.items.map((i) => folder.item?.[i] as ItemJson);
      return {
        chain,
        uses: new Set(items.flatMap((item) => [...usedBy(item)]).filter((v) => !provided.has(v))),
        captures: new Set(items.flatMap((item) => [...capturedBy(item)])),
      };
    }),
  );
  const parent = nodes.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  nodes.forEach((user, u) => {
    nodes.forEach((capturer, c) => {
      if (c === u || capturer.chain.folder === user.chain.folder) return;
      if (![...user.uses].some((v) => capturer.captures.has(v))) return;
      const [a, b] = [root(u), root(c)].sort((x, y) => x - y) as [number, number];
      parent[b] = a;
    });
  });
  const units = new Map<number, ChainUnit>();
  nodes.forEach(({ chain }, i) => {
    const unit = units.get(root(i)) ?? { items: {}, requests: 0 };
    unit.items[chain.folder] = [...(unit.items[chain.folder] ?? []), ...chain.items].sort((x, y) => x - y);
    unit.requests += chain.requests;
    units.set(root(i), unit);
  });
  return [...units.values()];
}

/** The collection with only the given items of the named folders (other folders as they are). Pure. */
export function keepItems<C extends { item?: unknown[] }>(
  collection: C,
  items: ReadonlyMap<string, ReadonlySet<number>>,
): C {
  if (items.size === 0) return collection;
  const item = ((collection.item ?? []) as ItemJson[]).map((f) => {
    const kept = items.get(f.name ?? '');
    return kept ? { ...f, item: (f.item ?? []).filter((_, i) => kept.has(i)) } : f;
  });
  return { ...collection, item };
}
