/* global negativeCasesOff */
/**
 * The body of a negative case's pre-request script: the case is skipped where negativeCasesOff()
 * (negative-case.js, shipped before it) says the Negative folder stays unsent.
 */
if (negativeCasesOff()) {
  pm.execution.skipRequest();
}
