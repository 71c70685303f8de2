import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { buildCollection } from '../../src/generate/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { runLocalSuite } from '../../src/run/index.js';
import { runLocalSuiteWithPostmanCli } from '../../src/run/runners/postman-cli-run.js';
import type { Json } from '../helpers/json.js';
import { tempDir } from '../helpers/temp.js';

const DIR = 'test/fixtures/openapi/schemes';

describe('a document of each security scheme imports, generates and runs green against its own mock', () => {
  it.each([
    ['api-key-header', 2],
    ['api-key-query', 2],
    ['api-key-cookie', 2],
    ['bearer', 2],
    ['basic', 2],
    ['none', 0],
  ])(
    '%s',
    async (file, probeAssertions) => {
      const outcome = await importOpenApi({ files: [join(DIR, `${file}.yaml`)], into: join(tempDir(), 'api.yaml') });
      const result = validateSpec(outcome.text, 'api.yaml');
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const spec = result.spec as ApiDescription;
      const { collection } = buildCollection(spec) as { collection: Json };
      const security = (collection.item as Json[]).find((f) => f.name === 'Security');
      // One probe, of the Notes folder: the public Health folder is never probed.
      expect(security?.item.map((i: Json) => i.name) ?? []).toEqual(
        probeAssertions > 0 ? ['Notes: no credentials → 401'] : [],
      );

      const summary = await runLocalSuite({ spec, reporters: [] });
      expect(summary.failures).toEqual([]);
      expect(summary.ok).toBe(true);
      const requests = spec.folders.flatMap((f) => f.requests).length;
      expect(summary.requests.total).toBe(requests + (summary.negativeCases ?? 0) + (probeAssertions > 0 ? 1 : 0));
    },
    120_000,
  );
});

// Postman's v3 reader drops an API key's `in: query` (it sends the key as a header, even on the output
// of its own `migrate`): the v3 folder carries a query key as each request's query parameter instead.
describe('an API key in the query, run by the Postman CLI from the v3 folder', () => {
  it('reaches the mock in the query: green, and the probe without credentials still gets 401', async () => {
    const outcome = await importOpenApi({
      files: [join(DIR, 'api-key-query.yaml')],
      into: join(tempDir(), 'api.yaml'),
    });
    const spec = validateSpec(outcome.text, 'api.yaml').spec as ApiDescription;
    const summary = await runLocalSuiteWithPostmanCli({ spec, reporters: [] });
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
    // The same requests and checks as Newman's run of the v2.1 collection, the 401 probe among them.
    const newman = await runLocalSuite({ spec, reporters: [] });
    expect(summary.requests).toEqual(newman.requests);
    expect(summary.assertions.total).toBe(newman.assertions.total);
    expect(summary.assertions.total).toBeGreaterThan(2);
  }, 180_000);
});
