/* exported negative */
/* global CONTRACT_LIB_VARIABLE */
/**
 * negative(c): the two checks of a negative case (a request that breaks one constraint of the
 * contract), named `negative: <label> → <status>`: the status Pleo documents for it (400, or 404 for
 * an unknown id), failing as `POST /v1/vendors without required name → 400: got 201`; then, on that
 * status only, Pleo's error body: against c.schema (with the named schemas it reaches, c.definitions)
 * where the description has one, else `{type, message}` (none where the description documents an error
 * example of another shape and no schema: c.anyBody).
 * The negative library (collection variable pleoNegativeLib) is this file; every negative case's test
 * script evaluates it. An error schema is checked with the contract library's validateAgainst and
 * describeSchemaErrors (collection variable CONTRACT_LIB_VARIABLE, pleoContractLib), not a second copy.
 */
function negative(c) {
  var name = 'negative: ' + c.label + ' → ' + c.status;
  var code = pm.response.code;
  pm.test(name, function () {
    if (code !== c.status) pm.expect.fail(c.label + ' → ' + c.status + ': got ' + (code || 'no response'));
  });
  if (c.anyBody) return; // another API's error body, with no schema to check it against
  var bodyTest = 'negative: ' + c.label + ' → ' + (c.schema ? 'body matches ' + c.schemaName : 'Pleo error body {type, message}');
  if (code !== c.status) return pm.test.skip(bodyTest + ' (skipped: status ' + code + ')', function () {});
  pm.test(bodyTest, function () {
    var body;
    try { body = pm.response.json(); } catch (e) { pm.expect.fail('the error body is not JSON: ' + pm.response.text().slice(0, 200)); }
    if (c.schema) {
      var lib = eval(pm.collectionVariables.get(CONTRACT_LIB_VARIABLE));
      var errors = lib.validateAgainst(body, c.schema, c.definitions);
      if (errors.length > 0) pm.expect.fail('body does not match ' + c.schemaName + ': ' + lib.describeSchemaErrors(errors));
    } else if (!body || typeof body.type !== 'string' || typeof body.message !== 'string') {
      pm.expect.fail('expected Pleo\'s error body {type, message}, got ' + JSON.stringify(body).slice(0, 200));
    }
  });
}
