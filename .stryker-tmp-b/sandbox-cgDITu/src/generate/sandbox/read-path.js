/* exported readPath */
// @ts-nocheck

/**
 * readPath(value, 'data[0].id'): the value at a capture path, or undefined.
 * Part of the contract library (collection variable pleoContractLib).
 */
function readPath(value, path) {
  return (path.match(/[^.[\]]+/g) || []).reduce(function (current, key) {
    return current === undefined || current === null ? undefined : current[key];
  }, value);
}
