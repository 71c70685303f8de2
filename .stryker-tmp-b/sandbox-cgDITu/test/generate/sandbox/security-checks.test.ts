// @ts-nocheck
import { runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCollection } from '../../../src/generate/index.js';
import { NARROW_TOKEN_VARIABLE } from '../../../src/generate/scripts/index.js';
import type { Json } from '../../helpers/json.js';
import { fakePm, loadSandbox, type FakeResponse } from '../../helpers/sandbox.js';
import { loadMinimal } from '../../helpers/specs.js';

/**
 * The generated Security checks, run against the answers an API that lets too much through would
 * give: each must fail then. (A hand mutation that let the 401 probe accept a 200 went unnoticed
 * until this test: no other test answers a token-less request with success.)
 */
let security: Json[];
beforeAll(async () => {
  const { collection } = buildCollection(await loadMinimal()) as { collection: Json };
  security = collection.item.at(-1).item;
});

const item = (suffix: string) => {
  const found = security.find((i) => String(i.name).endsWith(suffix));
  if (!found) throw new Error(`no Security item ending ${suffix}`);
  return found;
};

/** Runs an item's test script against a response; returns each check's outcome. */
function runChecks(it: Json, response: FakeResponse, collectionVariables: Record<string, string> = {}) {
  const fake = fakePm({ response, collectionVariables });
  const context = loadSandbox(fake, []);
  const script = it.event.find((e: Json) => e.listen === 'test').script.exec.join('\n');
  runInContext(script, context);
  return { outcomes: fake.tests.map((t) => t.outcome), fake };
}

const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="pleo"' };

describe('Security: the request without a token (RFC 6750 §3)', () => {
  it('is sent with no auth at all, so the collection’s token cannot ride along', () => {
    expect(item('Vendors: no token → 401').request.auth).toEqual({ type: 'noauth', noauth: [] });
  });

  it.each([
    ['a 200: the API let a token-less request through', { code: 200, headers: BEARER_CHALLENGE }, ['failed', 'passed']],
    ['a 403 instead of 401', { code: 403, headers: BEARER_CHALLENGE }, ['failed', 'passed']],
    [
      'a 401 with a Basic challenge',
      { code: 401, headers: { 'WWW-Authenticate': 'Basic realm="x"' } },
      ['passed', 'failed'],
    ],
    ['a 401 without a challenge', { code: 401 }, ['passed', 'failed']],
    ['a 401 with a Bearer challenge', { code: 401, headers: BEARER_CHALLENGE }, ['passed', 'passed']],
    [
      'a 401 with a lower-case bearer challenge',
      { code: 401, headers: { 'www-authenticate': 'bearer' } },
      ['passed', 'passed'],
    ],
  ])('answered with %s', (_name, response, want) => {
    expect(runChecks(item('Vendors: no token → 401'), response).outcomes).toEqual(want);
  });
});

describe('Security: the request with a token lacking the scope (RFC 6750 §3.1)', () => {
  it('is sent with the narrower token, not the collection’s', () => {
    expect(item('Vendors: token without vendors:read → 403').request.auth).toMatchObject({
      type: 'bearer',
      bearer: [{ key: 'token', value: `{{${NARROW_TOKEN_VARIABLE}}}` }],
    });
  });

  it.each([
    ['a 200: the API ignored the missing scope', { code: 200 }, ['failed']],
    ['a 401', { code: 401 }, ['failed']],
    ['a 403', { code: 403 }, ['passed']],
  ])('answered with %s', (_name, response, want) => {
    const { outcomes, fake } = runChecks(item('Vendors: token without vendors:read → 403'), response, {
      [NARROW_TOKEN_VARIABLE]: 'narrow',
    });
    expect(outcomes).toEqual(want);
    // The narrower token is used once: the next probe gets its own.
    expect(fake.collectionVariables.get(NARROW_TOKEN_VARIABLE)).toBe('');
  });
});
