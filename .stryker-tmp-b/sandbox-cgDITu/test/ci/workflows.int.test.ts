// @ts-nocheck
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const GITHUB = '.github/workflows/contract-tests.yml';
const GITLAB = 'ci/gitlab-ci.example.yml';

type Step = {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
};
type GithubJob = {
  if?: string;
  steps: Step[];
  env?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
};
type Github = { on: Record<string, unknown>; jobs: Record<string, GithubJob> };
type GitlabJob = {
  script?: string[];
  rules?: Array<{ if: string }>;
  resource_group?: string;
  artifacts?: { when?: string; paths?: string[] };
};

/** A GitHub expression as the YAML spells it: `${{ … }}`. */
const expression = (inner: string) => ['$', '{{ ', inner, ' }}'].join('');

const load = (path: string) => yaml.load(readFileSync(path, 'utf8'));
const github = load(GITHUB) as Github;
const gitlab = load(GITLAB) as Record<string, GitlabJob>;

const shellOf = (path: string): string[] =>
  path === GITHUB
    ? Object.values(github.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])))
    : Object.values(gitlab).flatMap((job) =>
        typeof job === 'object' && job && 'script' in job ? (job.script ?? []) : [],
      );

/** Every `node dist/cli.js …` / `npx pleo-postman …` invocation in a workflow, as [command, flags]. */
function invocations(path: string): Array<[string, string[]]> {
  return shellOf(path)
    .flatMap((script) => script.split('\n'))
    .flatMap((line) => [...line.matchAll(/(?:node dist\/cli\.js|npx pleo-postman) ([a-z]+)([^|;&]*)/g)])
    .map((m) => [m[1]!, [...(m[2] ?? '').matchAll(/(?:^|\s)--([a-z][\w-]*)/g)].map((f) => f[1]!)]);
}

const commands = [...runCli(['--help']).stdout.matchAll(/^ {2}pleo-postman (\w+)/gm)].map((m) => m[1]!);
const helpCache = new Map<string, string>();
const helpOf = (command: string) => {
  if (!helpCache.has(command)) helpCache.set(command, runCli([command, '--help']).stdout);
  return helpCache.get(command)!;
};

describe.each([GITHUB, GITLAB])('%s', (path) => {
  it('is valid YAML with shell that bash can parse', () => {
    expect(() => load(path)).not.toThrow();
    for (const script of shellOf(path)) {
      const check = spawnSync('bash', ['-n'], { input: script.replace(/\$\{\{[^}]*\}\}/g, 'x'), encoding: 'utf8' });
      expect(check.status, `${script}\n${check.stderr}`).toBe(0);
    }
  });

  it('names only commands and flags that exist', () => {
    const calls = invocations(path);
    expect(calls.map(([c]) => c)).toEqual(expect.arrayContaining(['check', 'test']));
    for (const [command, flags] of calls) {
      expect(commands, `${command} in ${path}`).toContain(command);
      for (const flag of flags)
        expect(helpOf(command), `--${flag} of ${command} in ${path}`).toMatch(
          new RegExp(`^ {2}--${flag}(?![\\w-])`, 'm'),
        );
    }
  });
});

describe('the GitHub Actions workflow', () => {
  it('runs the mock suite on every push and pull request, with the reports uploaded', () => {
    expect(Object.keys(github.on)).toEqual(
      expect.arrayContaining(['push', 'pull_request', 'workflow_dispatch', 'schedule']),
    );
    const mock = github.jobs.mock!;
    expect(mock.if).toContain("github.event_name == 'push'");
    expect(mock.steps.some((s) => s.run?.includes('test --env local'))).toBe(true);
    expect(mock.steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && s.if === 'always()')).toBe(true);
  });

  it('staging is opt-in, one run at a time, with the secrets, and stores the rotated token back even when the suite failed', () => {
    const staging = github.jobs.staging!;
    expect(staging.if).toBe(
      "github.event_name == 'workflow_dispatch' || (github.event_name == 'schedule' && vars.PLEO_STAGING_TESTS == 'true')",
    );
    expect(staging.concurrency).toEqual({ group: 'pleo-staging-refresh-token', 'cancel-in-progress': false });
    expect(staging.env).toEqual({
      PLEO_CLIENT_ID: expression('secrets.PLEO_CLIENT_ID'),
      PLEO_CLIENT_SECRET: expression('secrets.PLEO_CLIENT_SECRET'),
      PLEO_REFRESH_TOKEN: expression('secrets.PLEO_REFRESH_TOKEN'),
    });
    const names = staging.steps.map((s) => s.name ?? s.uses ?? s.run);
    const suite = staging.steps.findIndex((s) => s.run?.includes('test --env staging'));
    const check = staging.steps.findIndex((s) => s.run?.includes('gh secret list'));
    const store = staging.steps.findIndex((s) => s.run?.includes('gh secret set PLEO_REFRESH_TOKEN'));
    expect(check, names.join('\n')).toBeGreaterThan(-1);
    expect(check).toBeLessThan(suite);
    expect(store).toBeGreaterThan(suite);
    expect(staging.steps[suite]!.run).toContain('--refresh-token-file "$RUNNER_TEMP/pleo-refresh-token"');
    expect(staging.steps[suite]!.run).toContain('--reporters cli,junit,htmlextra');
    const storeStep = staging.steps[store]!;
    expect(storeStep.if).toBe('always()');
    expect(storeStep.env).toEqual({ GH_TOKEN: expression('secrets.PLEO_SECRETS_TOKEN') });
    expect(storeStep.run).toMatch(/::error::The rotated refresh token could NOT be stored[\s\S]*exit 1/);
    const upload = staging.steps.slice(suite).find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload).toMatchObject({ if: 'always()', with: { path: 'reports/' } });
    expect(readFileSync(GITHUB, 'utf8')).toContain('"Secrets: Read and write"');
  });
});

describe('the GitLab CI example', () => {
  it('runs the mock suite on push; staging opt-in, serialised, storing the token back or failing', () => {
    expect(gitlab['contract-tests:mock']!.rules?.[0]?.if).toContain('"push"');
    const staging = gitlab['contract-tests:staging']!;
    expect(staging.rules?.map((r) => r.if)).toEqual([
      '$CI_PIPELINE_SOURCE == "web"',
      '$CI_PIPELINE_SOURCE == "schedule" && $PLEO_STAGING_TESTS == "true"',
    ]);
    expect(staging.resource_group).toBe('pleo-staging-refresh-token');
    expect(staging.artifacts).toMatchObject({ when: 'always', paths: ['reports/'] });
    const script = (staging.script ?? []).join('\n');
    expect(script.indexOf('curl --silent --fail --output /dev/null')).toBeLessThan(
      script.indexOf('test --env staging'),
    );
    expect(script).toMatch(/--request PUT[\s\S]*could NOT be stored[\s\S]*exit 1[\s\S]*exit \$status/);
  });
});
