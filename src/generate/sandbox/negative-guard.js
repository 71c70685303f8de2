/* global PRODUCTION_API_BASE_URL, NEGATIVE_TESTS_VARIABLE */
/**
 * The body of a negative case's pre-request script: the case is a request that must fail, and an API
 * that wrongly accepts it creates or changes a real record, so it is never sent against production
 * (whatever allowWrites says) and elsewhere only when the variable NEGATIVE_TESTS_VARIABLE
 * (negativeTests) is "true": the local environment sets it, `test --negative` sets it for staging.
 * PRODUCTION_API_BASE_URL comes from the script's preamble (src/generate/negative/folder.ts).
 */
if (pm.environment.get('apiBaseUrl') === PRODUCTION_API_BASE_URL || String(pm.variables.get(NEGATIVE_TESTS_VARIABLE)) !== 'true') {
  pm.execution.skipRequest();
}
