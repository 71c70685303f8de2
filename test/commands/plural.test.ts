import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/commands/generate.js';
import { plural } from '../../src/commands/plural.js';
import { formatTokenStepFailure } from '../../src/run/index.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';
import { tempDir } from '../helpers/temp.js';

describe('issue 19 item 7: counts read right in the singular', () => {
  it('plural', () => {
    expect([plural(0, 'folder'), plural(1, 'folder'), plural(2, 'folder')]).toEqual([
      '0 folders',
      '1 folder',
      '2 folders',
    ]);
  });

  it('validate of a description with one folder says "1 folder"', async () => {
    const text = readFileSync(MINIMAL_SPEC, 'utf8');
    const path = join(tempDir(), 'one-folder.yaml');
    writeFileSync(path, text.slice(0, text.indexOf('  - name: Employees')));
    const lines: string[] = [];
    await validateCommand({ spec: path }, { out: (l) => lines.push(l), err: () => {} });
    expect(lines).toEqual([`${path} is valid: 2 requests in 1 folder, 3 scopes`]);
  });

  it('one request not sent for want of a token: "1 request that needs a token was not sent"', () => {
    const lines = formatTokenStepFailure({ reason: 'token endpoint unreachable', notSent: 1 });
    expect(lines.join('\n')).toContain('1 request that needs a token was not sent (');
  });
});
