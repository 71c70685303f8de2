import { describe, expect, it } from 'vitest';
import { closestName } from '../../src/commands/did-you-mean.js';
import { parseCommandLine } from '../helpers/parse-cli.js';

describe('issue 19 item 1: a typo gets "did you mean"', () => {
  it.each([
    [['test', '--reporter', 'junit'], 'Unknown argument: reporter\n  --reporter: did you mean --reporters?'],
    [['genrate'], 'Unknown argument: genrate\n  genrate: did you mean generate?'],
    [['generate', '--sopes', 'users:read'], '--sopes: did you mean --scopes?'],
    [['test', '--report-dri=out'], '--report-dri: did you mean --report-dir?'],
    [['login', '--no-opne'], '--no-opne: did you mean --open?'],
    [['generate', '--callback', 'dekstop'], '--callback dekstop: did you mean desktop?'],
    [['import-openapi', 'a.yml', '--dryrun'], '--dryrun: did you mean --dry-run?'],
  ])('%j', async (argv, hint) => {
    const parsed = await parseCommandLine(argv);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toContain(hint);
    expect((parsed as { error: string }).error).toMatch(/run "pleo-postman (\S+ )?--help" for/);
  });

  it('says plainly when nothing is close', async () => {
    const parsed = (await parseCommandLine(['frobnicate'])) as { error: string };
    expect(parsed.error).toContain('frobnicate is not a command: generate, check,');
    const option = (await parseCommandLine(['validate', '--zzzzzz'])) as { error: string };
    expect(option.error).toContain('--zzzzzz is not an option of validate');
  });

  it('accepts what is right and hands it to the command', async () => {
    expect(await parseCommandLine(['test', '--reporters', 'cli,junit', '--folder', 'Vendors'])).toMatchObject({
      command: 'test',
      args: { reporters: 'cli,junit', folder: ['Vendors'], env: 'local' },
    });
  });

  it.each([
    ['prod', ['local', 'staging', 'production'], 'production'],
    ['Vendor', ['Employees', 'Vendors', 'Vendor tags'], 'Vendors'],
    ['vendors', ['Employees', 'Vendors'], 'Vendors'],
    ['stagign', ['local', 'staging', 'production'], 'staging'],
    ['xyz', ['local', 'staging', 'production'], undefined],
  ])('closestName(%j) is %j', (given, names, want) => {
    expect(closestName(given, names)).toBe(want);
  });
});

describe('issue 19 item 7: --help', () => {
  it('generate --help describes --out, not "true"', async () => {
    const { output } = (await parseCommandLine(['generate', '--help'])) as { output: string };
    expect(output).toMatch(/--out\s+Output root: writes OUT\/collections\//);
    expect(output).not.toMatch(/--out\s+true/);
  });
});

it('names an unknown --kebab-option once (yargs also lists its camelCase form)', async () => {
  const { error } = (await parseCommandLine(['test', '--env-var', 'a=b'])) as { error: string };
  expect(error).toContain('--env-var is not an option of test');
  expect(error).not.toContain('envVar:');
});
