import { ERROR_CODES, UserError } from '../errors.js';
import { buildCollection } from '../generate/index.js';
import type { ApiDescription } from '../description/index.js';
import { assertParallel, REPORTERS } from '../run/index.js';
import { didYouMean } from './did-you-mean.js';

type ItemJson = { name?: string; item?: ItemJson[] };
const itemNames = (items: readonly ItemJson[]): string[] =>
  items.flatMap((item) => [item.name ?? '', ...itemNames(item.item ?? [])]);

/** `--folder NAME`: each must name a folder or request of the collection; a near miss gets the name meant. */
export function checkFolders(spec: ApiDescription, folders: readonly string[]): void {
  if (folders.length === 0) return;
  const items = (buildCollection(spec).collection.item ?? []) as ItemJson[];
  const known = itemNames(items);
  const unknown = folders.filter((f) => !known.includes(f));
  if (unknown.length === 0) return;
  const top = items.map((f) => f.name ?? '');
  const meant = (f: string) => didYouMean(f, top) || didYouMean(f, known);
  const named = unknown.map((f) => `"${f}"${meant(f).replace(/^; (.*)$/, ' ($1)')}`);
  throw new UserError(
    `--folder: no folder or request named ${named.join(', ')}; the folders are ${top.map((f) => `"${f}"`).join(', ')}`,
    ERROR_CODES.OPTION_INVALID,
  );
}

/** `--parallel` and `--shard` against `--folder`: refused before anything starts. */
export function checkScaling(args: { parallel?: number; shard?: string; folder?: readonly string[] }): void {
  assertParallel(args.parallel);
  if ((args.folder ?? []).length > 0 && (args.parallel !== undefined || args.shard !== undefined)) {
    throw new UserError('--folder cannot be combined with --parallel or --shard', ERROR_CODES.OPTION_INVALID);
  }
}

/** `--reporters junt`: a near miss of a reporter's name gets the name meant (other mistakes: the runner's message). */
export function checkReporters(value: string): void {
  for (const name of value.split(',').map((s) => s.trim())) {
    if (name === '' || (REPORTERS as readonly string[]).includes(name)) continue;
    const hint = didYouMean(name, REPORTERS);
    if (hint) {
      throw new UserError(
        `--reporters: unknown reporter "${name}"${hint} (choose from ${REPORTERS.join(', ')})`,
        ERROR_CODES.OPTION_INVALID,
      );
    }
  }
}
