// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { buildCollection } from '../../src/generate/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { loadDefault, loadMinimal, MINIMAL_SPEC } from '../helpers/specs.js';

const keys = (collection: Record<string, unknown>) => (collection.variable as Array<{ key: string }>).map((v) => v.key);

describe('--scopes: captured inputs of the requests that are kept', () => {
  it('issue 8 item 9: a kept request whose captured input only a left-out request sets is reported', async () => {
    const { dangling } = buildCollection(await loadMinimal(), ['vendors:read']);
    expect(dangling.map((d) => [d.folder, d.request.name, d.variable, d.capturedBy, d.example])).toEqual([
      ['Vendors', 'Get vendor', 'vendorId', ['Vendors / Create vendor'], '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11'],
    ]);
    expect(buildCollection(await loadMinimal()).dangling).toEqual([]);
  });

  it('issue 8 item 9: variables that environments set (companyId) are not reported', async () => {
    const { dangling } = buildCollection(await loadDefault(), ['vendors:read']);
    expect(dangling.map((d) => `${d.request.name}: ${d.variable}`)).toEqual(['Get vendor: vendorId']);
  });

  it('issue 8 item 9: generate --scopes warns on stderr, naming the request, the variable and its setter', () => {
    const result = runCli(['generate', '--spec', MINIMAL_SPEC, '--out', tempDir(), '--scopes', 'vendors:read']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      'warning: Vendors / Get vendor uses {{vendorId}}, which only Vendors / Create vendor sets (left out): it sends the example value 0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11 and will likely fail (404) against a real Pleo',
    );
  });

  it('issue 8 item 9: collection variables nothing in the tailored collection uses are dropped', async () => {
    const spec = await loadDefault();
    const full = keys(buildCollection(spec).collection);
    const tailored = keys(buildCollection(spec, ['vendors:read']).collection);
    expect(full).toContain('employeeId');
    const dropped = full.filter((k) => !tailored.includes(k));
    expect(dropped).toContain('employeeId');
    // Dropped: exactly the variables that no request of the tailored collection reads any more.
    const tailoredText = JSON.stringify(buildCollection(spec, ['vendors:read']).collection.item);
    for (const key of dropped) expect(tailoredText, key).not.toContain(`{{${key}}}`);
    for (const key of tailored.filter((k) => !k.startsWith('pleo'))) expect(tailoredText, key).toContain(`{{${key}}}`);
    expect(tailored).toContain('vendorId');
  });
});
