/* global NARROW_TOKEN_VARIABLE */
// @ts-nocheck

/**
 * The body of a Security 403 probe's pre-request script: without a narrower token (the "narrower
 * token" request before it was skipped or refused, and said why), the probe is skipped.
 */
if (!pm.collectionVariables.get(NARROW_TOKEN_VARIABLE)) pm.execution.skipRequest();
