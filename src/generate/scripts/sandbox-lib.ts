/**
 * Sandbox JavaScript shared by several generated scripts, as source text. Postman runs every script
 * on its own: the contract helpers live once in a collection variable (see contract.ts), the token
 * helpers in the collection's pre-request script, the schemas in `pleoSchemas`. ES5 on purpose: the
 * Postman app and Newman both run it.
 */

/** Collection variable that holds every named schema as draft-07 `definitions`. */
export const SCHEMAS_VARIABLE = 'pleoSchemas';

/**
 * `describeSchemaErrors(errors)`: ajv 6 errors (with `jsonPointers`) as `$.data[0].name: must be
 * string (type)`, at most 10, joined with "; ".
 */
export const DESCRIBE_SCHEMA_ERRORS_JS = `function jsonPath(pointer, extra) {
  var segments = pointer.split('/').slice(1).map(function (s) { return s.replace(/~1/g, '/').replace(/~0/g, '~'); });
  if (extra !== undefined) segments.push(String(extra));
  return '$' + segments.map(function (s) {
    if (/^\\d+$/.test(s)) return '[' + s + ']';
    return /^[A-Za-z_$][\\w$]*$/.test(s) ? '.' + s : '[' + JSON.stringify(s) + ']';
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
      default: return jsonPath(e.dataPath) + ': ' + String(e.message).replace(/^should\\b/, 'must') + ' (' + e.keyword + ')';
    }
  });
  var more = lines.length > 10 ? '; … and ' + (lines.length - 10) + ' more' : '';
  return lines.slice(0, 10).join('; ') + more;
}`;

/**
 * `validateAgainst(body, root)`: compiles `root` against the shared definitions with ajv 6 (draft-07,
 * its default). The description's schemas were validated at generation, so ajv skips its meta-schema
 * (5x faster per request); refs stay calls rather than inlined copies.
 */
export const VALIDATE_AGAINST_JS = `function validateAgainst(body, root) {
  var shared = JSON.parse(pm.collectionVariables.get('${SCHEMAS_VARIABLE}'));
  var Ajv = require('ajv');
  var ajv = new Ajv({ allErrors: true, jsonPointers: true, unknownFormats: 'ignore', meta: false, validateSchema: false, inlineRefs: false, logger: false });
  var validate = ajv.compile({ definitions: shared.definitions, allOf: [root] });
  return validate(body) ? [] : validate.errors;
}`;

/** `readPath(value, 'data[0].id')`: the value at a capture path, or undefined. */
export const READ_PATH_JS = `function readPath(value, path) {
  return (path.match(/[^.[\\]]+/g) || []).reduce(function (current, key) {
    return current === undefined || current === null ? undefined : current[key];
  }, value);
}`;

/**
 * Token endpoint helpers: \`tokenRequest(params)\` builds a pm.sendRequest request to
 * {{authServerUrl}}/oauth/token with the client in a Basic header, each part form-encoded first;
 * \`sha256(text)\` is a hex digest, used to remember a failed refresh token without storing it.
 * @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1)
 */
export const TOKEN_REQUEST_JS = `function formEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); }).replace(/%20/g, '+');
}
function tokenRequest(params) {
  var CryptoJS = require('crypto-js');
  var client = formEncode(pm.environment.get('clientId') || '') + ':' + formEncode(pm.environment.get('clientSecret') || '');
  return {
    url: pm.environment.get('authServerUrl') + '/oauth/token',
    method: 'POST',
    header: { Authorization: 'Basic ' + CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(client)), Accept: 'application/json' },
    body: { mode: 'urlencoded', urlencoded: Object.keys(params).map(function (key) { return { key: key, value: params[key] }; }) }
  };
}
function tokenError(err, res) {
  if (err) return 'token endpoint unreachable: ' + err.message;
  var body = {};
  try { body = res.json(); } catch (e) { body = {}; }
  return 'token endpoint answered ' + res.code + (body.error ? ' ' + body.error : '') + (body.error_description ? ': ' + body.error_description : '');
}
function sha256(text) {
  return require('crypto-js').SHA256(text).toString();
}`;
