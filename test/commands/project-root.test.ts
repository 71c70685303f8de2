import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot, projectRun } from '../../src/commands/project-root.js';
import { DEFAULT_SPEC_PATH } from '../../src/description/model.js';

const ROOT = resolve('/work/project');
const SUB = join(ROOT, 'collections', 'openapi');
const exists = (path: string) => path === join(ROOT, DEFAULT_SPEC_PATH);

describe('issue 19 item 7: a command run from a subdirectory of the project', () => {
  it('finds the project folder upwards, or none', () => {
    expect(findProjectRoot(SUB, exists)).toBe(ROOT);
    expect(findProjectRoot(resolve('/elsewhere'), exists)).toBeUndefined();
  });

  it('works in the project folder, with the paths the user typed taken from where they typed them', () => {
    const run = projectRun(
      'test',
      {
        spec: DEFAULT_SPEC_PATH,
        env: 'my-env.json',
        reportDir: 'reports',
        refreshTokenFile: 'rt',
        folder: ['Vendors'],
      },
      SUB,
      exists,
    );
    expect(run).toEqual({
      root: ROOT,
      args: {
        spec: DEFAULT_SPEC_PATH,
        env: join(SUB, 'my-env.json'),
        reportDir: 'reports', // the default: the project's reports/
        refreshTokenFile: join(SUB, 'rt'),
        folder: ['Vendors'],
      },
    });
    expect(projectRun('test', { spec: DEFAULT_SPEC_PATH, env: 'staging' }, SUB, exists).args.env).toBe('staging');
    expect(projectRun('import-openapi', { into: DEFAULT_SPEC_PATH, files: ['a.yml'] }, SUB, exists).args.files).toEqual(
      [join(SUB, 'a.yml')],
    );
  });

  it('changes nothing in the project folder itself, or with --spec FILE', () => {
    expect(projectRun('generate', { spec: DEFAULT_SPEC_PATH }, ROOT, exists)).toEqual({
      args: { spec: DEFAULT_SPEC_PATH },
    });
    expect(projectRun('generate', { spec: 'mine.yaml' }, SUB, exists)).toEqual({ args: { spec: 'mine.yaml' } });
    expect(projectRun('logout', { spec: DEFAULT_SPEC_PATH, env: 'staging' }, resolve('/elsewhere'), exists)).toEqual({
      args: { spec: DEFAULT_SPEC_PATH, env: 'staging' },
    });
  });

  it('outside any project, says where to run', () => {
    expect(() => projectRun('validate', { spec: DEFAULT_SPEC_PATH }, resolve('/elsewhere'), exists)).toThrow(
      'run pleo-postman in the project folder (the one with collections/pleo-api.yaml), or pass --spec FILE',
    );
  });
});
