/* exported validateAgainst */
// @ts-nocheck

/* global SCHEMAS_VARIABLE */
/**
 * validateAgainst(body, root): the ajv 6 errors of `body` against `root` (draft-07, ajv 6's
 * default), compiled with the shared definitions of the collection variable SCHEMAS_VARIABLE
 * (pleoSchemas); [] when it matches. The description's schemas were validated at generation, so ajv
 * skips its meta-schema (5x faster per request); refs stay calls rather than inlined copies.
 * Part of the contract library (collection variable pleoContractLib).
 */
function validateAgainst(body, root) {
  var shared = JSON.parse(pm.collectionVariables.get(SCHEMAS_VARIABLE));
  var Ajv = require('ajv');
  var ajv = new Ajv({ allErrors: true, jsonPointers: true, unknownFormats: 'ignore', meta: false, validateSchema: false, inlineRefs: false, logger: false });
  var validate = ajv.compile({ definitions: shared.definitions, allOf: [root] });
  return validate(body) ? [] : validate.errors;
}
