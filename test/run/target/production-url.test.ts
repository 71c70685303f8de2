import { describe, expect, it } from 'vitest';
import { isUnderProduction, normalisedUrl } from '../../../src/run/target/production.js';
import { fakePm, loadSandbox } from '../../helpers/sandbox.js';

// Issue 18 item 4: production is recognised, not string-matched, the same way in the harness and the collection.
const PRODUCTION = 'https://external.pleo.io';
const sandbox = (environment: Record<string, string>, path = '/v1/vendors') => {
  const fake = fakePm({ environment, request: { method: 'POST', path } });
  return loadSandbox(fake, ['write-guard.js'], {
    globals: { env: fake.pm.environment, PRODUCTION_API_BASE_URL: PRODUCTION },
  });
};

describe('production however its URL is spelt', () => {
  it.each([
    ['https://external.pleo.io', true],
    ['https://external.pleo.io/', true],
    ['HTTPS://EXTERNAL.PLEO.IO', true],
    ['https://External.Pleo.io:443', true],
    ['https://external.pleo.io:0443/', true],
    ['https://external.pleo.io./', true],
    ['https://external.pleo.io/./', true],
    ['https://external.pleo.io/api', true],
    ['https://external.pleo.io/v1/../', true],
    ['https://external.pleo.io/%2e/', true],
    ['https://user@external.pleo.io', true],
    ['https://external.pleo.io//', true],
    ['https://external.pleo.io:8443', false],
    ['http://external.pleo.io', false],
    ['https://external.pleo.io.example.com', false],
    ['https://external.staging.pleo.io', false],
    ['{{apiBaseUrl}}', false],
  ])('%s → %s, in the harness and in the collection', (url, production) => {
    expect(isUnderProduction(url, PRODUCTION)).toBe(production);
    const context = sandbox({ apiBaseUrl: url });
    expect((context.isProduction as () => boolean)()).toBe(production);
    expect((context.normalisedUrl as (u: string) => string)(url)).toBe(normalisedUrl(url) ?? '');
  });

  it('default ports are dropped for either scheme, and a path under production counts', () => {
    expect(normalisedUrl('HTTP://LOCALHOST:80/a/./b/../c/')).toBe('http://localhost/a/c');
    expect(isUnderProduction('https://localhost:443/api/v1', 'https://localhost')).toBe(true);
  });

  it("the production environment's own mark guards a renamed or proxied URL", () => {
    const context = sandbox({ apiBaseUrl: 'https://proxy.internal', pleoProduction: 'true' });
    expect((context.isProduction as () => boolean)()).toBe(true);
  });
});
