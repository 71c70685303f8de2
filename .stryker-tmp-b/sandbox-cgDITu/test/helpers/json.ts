/**
 * Generated Postman JSON (collections, environments, summaries) as the tests walk it: any property
 * at any depth. Its shape is what the tests assert, and the Postman Collection schema test checks
 * the whole document, so a static type would only restate them.
 */
// @ts-nocheck

// biome-ignore lint/suspicious/noExplicitAny: loosely walked generated JSON, see above
export type Json = Record<string, any>;
