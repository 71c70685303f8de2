type ItemJson = {
  item?: ItemJson[];
  event?: Array<{ listen?: string; script?: { exec?: string[] | string } }>;
};

const REQUIRED = /^\s*var REQUIRED = (\[[^\]\n]*\]);$/m;

/**
 * The scope sets the collection's Security 403 checks need a token without: the `REQUIRED` of each
 * "narrower token" request's pre-request script (src/generate/scripts/security.ts), in run order. Pure.
 */
export function narrowingsOf(collection: { item?: unknown[] }): string[][] {
  const found: string[][] = [];
  const walk = (items: readonly ItemJson[]) => {
    for (const item of items) {
      if (item.item) walk(item.item);
      // Stryker disable next-line ArrayDeclaration: an item without events; a string in its place has no `listen`.
      for (const event of item.event ?? []) {
        if (event.listen !== 'prerequest') continue;
        // A script without `exec` reads as "undefined", which names no REQUIRED.
        const exec = event.script?.exec;
        const match = REQUIRED.exec(Array.isArray(exec) ? exec.join('\n') : String(exec));
        if (match?.[1]) found.push((JSON.parse(match[1]) as unknown[]).map(String));
      }
    }
  };
  walk((collection.item ?? []) as ItemJson[]);
  return found;
}
