// @ts-nocheck
import { stableId } from '../ids.js';
import type { Script } from '../model.js';

/** The model's script, under the name the script builders use. */
export type ScriptEvent = Script;

/** A script with an id derived from its owner, so output stays deterministic. */
export function scriptEvent(listen: Script['listen'], owner: string, source: string): Script {
  return { listen, id: stableId('script', listen, owner), source };
}
