import { isWriteRequest } from '../../generate/scripts/index.js';
import { collectionTokenPaths } from '../tokens/endpoints.js';

export interface SkippedRequest {
  folder: string;
  name: string;
  method: string;
  path: string;
}

type ItemJson = { name?: string; item?: ItemJson[]; request?: { method?: string; url?: { path?: string[] } | string } };

function pathOf(request: NonNullable<ItemJson['request']>): string {
  if (typeof request.url === 'string') return request.url.replace(/^[^/]*\/\/[^/]*|\{\{[^}]*\}\}/g, '');
  return `/${(request.url?.path ?? []).join('/')}`;
}

/**
 * The collection without the requests that write (POST/PUT/PATCH/DELETE that are not `:search`, nor
 * a token request at the collection's token or refresh endpoint), and the list of what was left out. Folders
 * left empty are dropped. Pure: the input is not changed.
 */
export function withoutWrites<T extends { item?: unknown[]; auth?: unknown }>(
  collection: T,
): { collection: T; skipped: SkippedRequest[] } {
  const skipped: SkippedRequest[] = [];
  const tokenPaths = collectionTokenPaths(collection);
  const keep = (items: ItemJson[], folder: string): ItemJson[] =>
    items.flatMap((item) => {
      if (item.item) {
        const children = keep(item.item, item.name ?? '');
        return children.length > 0 ? [{ ...item, item: children }] : [];
      }
      const request = item.request ?? {};
      const method = (request.method ?? 'GET').toUpperCase();
      const path = pathOf(request);
      if (!isWriteRequest(method, path, tokenPaths)) return [item];
      skipped.push({ folder, name: item.name ?? '', method, path });
      return [];
    });
  return { collection: { ...collection, item: keep((collection.item ?? []) as ItemJson[], '') }, skipped };
}
