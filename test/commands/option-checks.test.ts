import { describe, expect, it } from 'vitest';
import { checkEnvName } from '../../src/commands/env-names.js';
import { checkFolders, checkReporters, checkScaling } from '../../src/commands/option-checks.js';
import { loadMinimal } from '../helpers/specs.js';

const noFile = () => false;

describe('issue 19 items 1 and 7: test options checked before anything starts', () => {
  it('--env: a near miss gets the name meant; a name or a file passes; anything else is left to the runner', () => {
    expect(() => checkEnvName('prod', noFile)).toThrow(
      '--env: "prod" is not local, staging, production or an environment file; did you mean "production"?',
    );
    expect(() => checkEnvName('Staging', noFile)).toThrow('did you mean "staging"?');
    expect(() => checkEnvName('staging', noFile)).not.toThrow();
    expect(() => checkEnvName('prod', () => true)).not.toThrow();
    expect(() => checkEnvName('my-env.json', noFile)).not.toThrow();
  });

  it('--folder: every name must be a folder or request; a near miss gets the name meant', async () => {
    const spec = await loadMinimal();
    expect(() => checkFolders(spec, ['Vendor'])).toThrow(
      '--folder: no folder or request named "Vendor" (did you mean "Vendors"?); the folders are "Token", "Vendors"',
    );
    expect(() => checkFolders(spec, ['Get vendr'])).toThrow('"Get vendr" (did you mean "Get vendor"?)');
    expect(() => checkFolders(spec, ['Vendors', 'Get employee'])).not.toThrow();
  });

  it('--reporters: a near miss gets the name meant', () => {
    expect(() => checkReporters('cli,junt')).toThrow('--reporters: unknown reporter "junt"; did you mean "junit"?');
    expect(() => checkReporters('cli,junit,html')).not.toThrow();
  });

  it('--parallel and --folder', () => {
    expect(() => checkScaling({ parallel: 0 })).toThrow('--parallel: 0 is not a whole number from 1 to 32');
    expect(() => checkScaling({ shard: '1/2', folder: ['Vendors'] })).toThrow('--folder cannot be combined');
    expect(() => checkScaling({ parallel: 2 })).not.toThrow();
  });
});
