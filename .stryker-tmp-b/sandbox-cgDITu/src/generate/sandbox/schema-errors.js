/* exported describeSchemaErrors */
// @ts-nocheck

/**
 * describeSchemaErrors(errors): ajv 6 errors (with `jsonPointers`) as `$.data[0].name: must be
 * string (type)`, at most 10, joined with "; ". jsonPath(pointer, extra) turns a JSON Pointer (plus
 * an optional last segment) into a `$.a[0]["b c"]` path.
 * Part of the contract library (collection variable pleoContractLib).
 */
function jsonPath(pointer, extra) {
  var segments = pointer.split('/').slice(1).map(function (s) { return s.replace(/~1/g, '/').replace(/~0/g, '~'); });
  if (extra !== undefined) segments.push(String(extra));
  return '$' + segments.map(function (s) {
    if (/^\d+$/.test(s)) return '[' + s + ']';
    return /^[A-Za-z_$][\w$]*$/.test(s) ? '.' + s : '[' + JSON.stringify(s) + ']';
  }).join('');
}
function describeSchemaErrors(errors) {
  var lines = errors.map(function (e) {
    var p = e.params || {};
    switch (e.keyword) {
      case 'required': return jsonPath(e.dataPath, p.missingProperty) + ': is required (required)';
      case 'additionalProperties': return jsonPath(e.dataPath, p.additionalProperty) + ': is not allowed (additionalProperties)';
      case 'type': return jsonPath(e.dataPath) + ': must be ' + p.type + ' (type)';
      case 'enum': return jsonPath(e.dataPath) + ': must be one of ' + JSON.stringify(p.allowedValues) + ' (enum)';
      case 'format': return jsonPath(e.dataPath) + ': must match format "' + p.format + '" (format)';
      default: return jsonPath(e.dataPath) + ': ' + String(e.message).replace(/^should\b/, 'must') + ' (' + e.keyword + ')';
    }
  });
  var more = lines.length > 10 ? '; … and ' + (lines.length - 10) + ' more' : '';
  return lines.slice(0, 10).join('; ') + more;
}
