import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { buildCollection } from '../../src/generate/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { runLocalSuite } from '../../src/run/index.js';
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
