import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

describe('pleo-postman test --parallel / --shard', () => {
  it('--parallel 2 runs the whole suite and prints one summary line and one banner', () => {
    const result = runCli(['test', '--spec', MINIMAL_SPEC, '--parallel', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.match(/starting \d+ Newman runners at once/g)).toHaveLength(1);
    expect(result.stdout.match(/^pleo-postman test: .*$/gm)).toEqual([
      expect.stringMatching(
        /^pleo-postman test: \d+ requests \(5 negative cases\), 41 assertions: 41 passed, 0 failed in [\d.]+ s: passed$/,
      ),
    ]);
  });

  it('--shard 1/2 and 2/2 run disjoint parts whose assertions add up (one token acquisition each)', () => {
    const counts = [1, 2].map((i) => {
      const result = runCli(['test', '--spec', MINIMAL_SPEC, '--shard', `${i}/2`]);
      expect(result.status, result.stderr).toBe(0);
      return Number(/(\d+) assertions/.exec(result.stdout)?.[1]);
    });
    const tokenAssertions = counts.filter((n) => n > 0).length;
    expect(counts[0]! + counts[1]! - (tokenAssertions - 1)).toBe(41); // 30 contract, 10 of 5 negative cases, 1 more 403 probe
  });

  it.each<[string, string[], string]>([
    ['a shard past N', ['--shard', '3/2'], '--shard: "3/2" is not I/N with 1 ≤ I ≤ N'],
    ['zero runners', ['--parallel', '0'], '--parallel: 0 is not a whole number from 1 to 32'],
    ['--folder with --parallel', ['--parallel', '2', '--folder', 'Vendors'], '--folder cannot be combined'],
  ])('%s is a clear error, exit 1', (_, args, message) => {
    const result = runCli(['test', '--spec', MINIMAL_SPEC, ...args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('unexpected error');
  });
});
