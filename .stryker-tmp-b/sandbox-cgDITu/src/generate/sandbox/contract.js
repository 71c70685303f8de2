/* exported contract */
// @ts-nocheck

/* global validateAgainst, describeSchemaErrors, readPath */
/**
 * contract(c): one assertion per clause of a request's contract, named `<label> → <clause>`: status,
 * JSON Content-Type, response time, headers, body schema, captures into collection variables.
 * ifStatusOk(expected, name, check): checks that only make sense on the expected status are
 * skipped, visibly, on any other.
 * The contract library (collection variable pleoContractLib) is this file, schema-errors.js,
 * validate.js and read-path.js, evaluated by every request's test script.
 */
function ifStatusOk(expected, name, check) {
  if (pm.response.code === expected) pm.test(name, check);
  else pm.test.skip(name + ' (skipped: status ' + pm.response.code + ')', check);
}
function contract(c) {
  pm.test(c.label + ' → ' + c.status, function () {
    pm.response.to.have.status(c.status);
  });
  if (c.json) pm.test(c.label + ' → Content-Type is JSON', function () {
    pm.expect(pm.response.headers.get('Content-Type') || '(none)', 'Content-Type').to.match(/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i);
  });
  pm.test(c.label + ' → response time under ' + c.budgetMs + ' ms', function () {
    pm.expect(pm.response.responseTime, 'response time (ms)').to.be.below(c.budgetMs);
  });
  c.headers.forEach(function (header) {
    ifStatusOk(c.status, c.label + ' → has header ' + header, function () {
      pm.response.to.have.header(header);
    });
  });
  if (c.schema) ifStatusOk(c.status, c.label + ' → body matches ' + c.schemaName, function () {
    var errors = validateAgainst(pm.response.json(), c.schema);
    if (errors.length > 0) pm.expect.fail('body does not match ' + c.schemaName + ': ' + describeSchemaErrors(errors));
  });
  Object.keys(c.captures).forEach(function (variable) {
    var path = c.captures[variable];
    ifStatusOk(c.status, c.label + ' → captures ' + variable + ' from ' + path, function () {
      var value = readPath(pm.response.json(), path);
      if (value === undefined || value === null) pm.expect.fail('$.' + path + ' is missing, so ' + variable + ' keeps its old value');
      pm.collectionVariables.set(variable, typeof value === 'object' ? JSON.stringify(value) : String(value));
    });
  });
}
