import { schemaDefinitions, type ApiDescription, type FolderDef, type RequestDef } from '../../description/index.js';
import { CONTRACT_LIB_VARIABLE, contractLibSource, contractTestScript } from './contract.js';
import type { Param } from '../model.js';
import { scriptEvent, type ScriptEvent } from './event.js';
import { SCHEMAS_VARIABLE } from './variables.js';
import { tokenPrerequestScript, writeGuardScript } from './token.js';

export { TOKEN_FOLDER_NAME } from './token-item.js';
export { buildSecurityFolder, probeRequest, SECURITY_FOLDER_NAME, NARROW_TOKEN_VARIABLE } from './security.js';
export { contractTestScript, requestLabel, responseTimeBudget, CONTRACT_LIB_VARIABLE } from './contract.js';
export { tokenPrerequestScript, FAILED_REFRESH_VARIABLE } from './token.js';
export { isWriteRequest } from './writes.js';
export { SCHEMAS_VARIABLE } from './variables.js';
export type { ScriptEvent } from './event.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

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
 * The collection variables the scripts share: every named schema once, as draft-07 `definitions`,
 * and the contract helpers' source.
 */
export function sharedScriptVariables(spec: ApiDescription): Param[] {
  return [
    {
      key: SCHEMAS_VARIABLE,
      value: JSON.stringify({ $schema: DRAFT_07, definitions: schemaDefinitions(spec.schemas) }),
    },
    { key: CONTRACT_LIB_VARIABLE, value: contractLibSource() },
  ];
}
