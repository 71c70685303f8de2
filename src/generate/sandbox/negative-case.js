/* exported negativeCasesOff, inNegativeFolder */
/* global PRODUCTION_API_BASE_URL, NEGATIVE_TESTS_VARIABLE, NEGATIVE_FOLDER_NAME */
/**
 * negativeCasesOff(): whether the Negative folder's requests stay unsent here. A case is a request
 * that must fail, and an API that wrongly accepts it creates or changes a real record, so it is never
 * sent against production (whatever allowWrites says) and elsewhere only when the variable
 * NEGATIVE_TESTS_VARIABLE (negativeTests) is "true": the local environment sets it, `test --negative`
 * sets it for staging.
 * inNegativeFolder(): whether the request that runs is one of the Negative folder's
 * (pm.execution.location: the collection, the folder, the request); false where the runner does not say.
 * PRODUCTION_API_BASE_URL comes from the preamble of the script that ships this file.
 */
function negativeCasesOff() {
  return pm.environment.get('apiBaseUrl') === PRODUCTION_API_BASE_URL || String(pm.variables.get(NEGATIVE_TESTS_VARIABLE)) !== 'true';
}
function inNegativeFolder() {
  var where = (pm.execution && pm.execution.location) || [];
  return where.length > 2 && where[1] === NEGATIVE_FOLDER_NAME;
}
