import { stableId } from '../ids.js';

export interface ScriptEvent {
  listen: 'prerequest' | 'test';
  script: { id: string; type: 'text/javascript'; exec: string[] };
}

/** A script event with an id derived from its owner, so output stays deterministic. */
export function scriptEvent(listen: ScriptEvent['listen'], owner: string, source: string): ScriptEvent {
  return {
    listen,
    script: { id: stableId('script', listen, owner), type: 'text/javascript', exec: source.split('\n') },
  };
}
