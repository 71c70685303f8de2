import type { ApiDescription, FolderDef, RequestDef } from '../../description/index.js';
import { CONTRACT_LIB_VARIABLE, contractLibSource, contractTestScript } from './contract.js';
import type { Param } from '../model.js';
import { scriptEvent, type ScriptEvent } from './event.js';
import { tokenPrerequestScript, writeGuardScript } from './token.js';

export { TOKEN_FOLDER_NAME } from './token-item.js';
export { buildSecurityFolder, probeRequest, SECURITY_FOLDER_NAME, NARROW_TOKEN_VARIABLE } from './security.js';
export { contractTestScript, requestLabel, responseTimeBudget, CONTRACT_LIB_VARIABLE } from './contract.js';
export { tokenPrerequestScript, FAILED_REFRESH_VARIABLE } from './token.js';
export { isWriteRequest } from './writes.js';
export { HARNESS_TOKENS_VARIABLE, PRODUCTION_VARIABLE } from './variables.js';
export type { ScriptEvent } from './event.js';

/** The contract tests of one request. */
export function buildRequestEvents(spec: ApiDescription, folder: FolderDef, request: RequestDef): ScriptEvent[] {
  return [scriptEvent('test', `${folder.name}/${request.name}`, contractTestScript(spec, request))];
}

/** Collection-level scripts: the token acquisition (and production write guard) before every request. */
export function buildCollectionEvents(spec: ApiDescription): ScriptEvent[] {
  const source = spec.auth.scheme.type === 'oauth2' ? tokenPrerequestScript(spec) : writeGuardScript(spec);
  return [scriptEvent('prerequest', 'collection', source)];
}

/**
 * The collection variable the scripts share: the contract library's source (a few KB). The schemas are
 * not shared: each test script carries those its request reaches, because every script run is handed
 * all collection variables, and a variable of the whole API's schemas made each run cost several times
 * a trivial script's (measured: `npm run bench`, suite overhead).
 */
export function sharedScriptVariables(): Param[] {
  return [{ key: CONTRACT_LIB_VARIABLE, value: contractLibSource() }];
}
