/* exported validateAgainst */
/**
 * validateAgainst(body, root, definitions): the ajv 6 errors of `body` against `root` (draft-07, ajv 6's
 * default), with the named schemas it reaches as `definitions` (the request's test script carries
 * them, so no script run parses the schemas of the whole API); [] when it matches. The description's
 * schemas were validated at generation, so ajv skips its meta-schema (5x faster per request); refs stay
 * calls rather than inlined copies. Part of the contract library (collection variable pleoContractLib).
 */
function validateAgainst(body, root, definitions) {
  var Ajv = require('ajv');
  var ajv = new Ajv({ allErrors: true, jsonPointers: true, unknownFormats: 'ignore', meta: false, validateSchema: false, inlineRefs: false, logger: false });
  var validate = ajv.compile({ definitions: definitions || {}, allOf: [root] });
  return validate(body) ? [] : validate.errors;
}
