import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../../src/description/index.js';
import { resolveTarget } from '../../../src/run/target/target.js';
import { loadMinimal } from '../../helpers/specs.js';
import { tempDir } from '../../helpers/temp.js';

// What --env FILE means beyond target.test.ts: the file's own word that it is production, and the
// errors that name a file --env cannot use. Written against the survivors of
// `MUTATE_UNIT=1 npx stryker run --mutate src/run/target/target.ts`.
let spec: ApiDescription;
const dir = tempDir('pleo-target-rules-');
beforeAll(async () => {
  spec = await loadMinimal();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const file = (text: string): string => {
  n += 1;
  const path = join(dir, `env-${n}.json`);
  writeFileSync(path, text);
  return path;
};
const envFile = (values: Record<string, string>) =>
  file(JSON.stringify({ values: Object.entries(values).map(([key, value]) => ({ key, value })) }));

describe('an environment file that says it is production is production, whatever its API base URL', () => {
  it.each([
    [
      'pleoProduction "true" and a staging API',
      { pleoProduction: 'true', apiBaseUrl: 'https://external.staging.pleo.io' },
      true,
    ],
    ['pleoProduction "true" and no API', { pleoProduction: 'true' }, true],
    [
      'pleoProduction "false" and a staging API',
      { pleoProduction: 'false', apiBaseUrl: 'https://external.staging.pleo.io' },
      false,
    ],
    [
      'pleoProduction "false" and the production API',
      { pleoProduction: 'false', apiBaseUrl: 'https://external.pleo.io' },
      true,
    ],
    ['pleoProduction "yes" (only "true" says so)', { pleoProduction: 'yes' }, false],
  ])('%s: production %s', async (_name, values, production) => {
    expect(await resolveTarget(spec, envFile(values))).toMatchObject({ kind: 'remote', production });
  });

  it('the file itself is the environment of the run', async () => {
    const values = { apiBaseUrl: 'https://x.example', companyId: 'c-1' };
    const target = await resolveTarget(spec, envFile(values));
    expect(target).toEqual({
      kind: 'remote',
      label: expect.stringMatching(/env-\d+\.json$/),
      environment: { values: Object.entries(values).map(([key, value]) => ({ key, value })) },
      production: false,
      loopback: false,
    });
  });
});

describe('an --env file that cannot be used is a UserError that keeps the reason as its cause', () => {
  it('unreadable: the file system error is the cause', async () => {
    const path = join(dir, 'missing.json');
    await expect(resolveTarget(spec, path)).rejects.toMatchObject({
      code: 'OPTION_INVALID',
      message: `--env: "${path}" is not local, staging, production or a readable environment file (ENOENT)`,
      cause: { code: 'ENOENT' },
    });
  });

  it('not JSON: the parse error is the cause, and its message is quoted', async () => {
    const path = file('{');
    const error = (await resolveTarget(spec, path).catch((e: unknown) => e)) as Error & { cause?: unknown };
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.message).toBe(
      `--env: "${path}" is not a Postman environment file (${(error.cause as Error).message})`,
    );
  });

  it.each([
    ['values that are not an array', '{"values":{}}'],
    ['no values', '{"name":"x"}'],
  ])('%s: not a Postman environment file', async (_name, text) => {
    const path = file(text);
    await expect(resolveTarget(spec, path)).rejects.toMatchObject({
      code: 'OPTION_INVALID',
      message: `--env: "${path}" is not a Postman environment file (no "values" array)`,
      cause: { message: 'no "values" array' },
    });
  });
});
