import { expectedStatus, type ApiDescription, type FolderDef, type RequestDef } from '../../spec/index.js';
import { scriptEvent, type ScriptEvent } from './event.js';

/** Test (and pre-request) scripts of one request. */
export function buildRequestEvents(_spec: ApiDescription, folder: FolderDef, request: RequestDef): ScriptEvent[] {
  const status = expectedStatus(request);
  const source = `pm.test(${JSON.stringify(`${request.method} ${request.path} → ${status}`)}, function () {\n  pm.response.to.have.status(${status});\n});`;
  return [scriptEvent('test', `${folder.name}/${request.name}`, source)];
}

/** Collection-level scripts. */
export function buildCollectionEvents(_spec: ApiDescription): ScriptEvent[] {
  return [];
}
