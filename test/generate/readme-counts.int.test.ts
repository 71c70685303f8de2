import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { postmanCli } from '../helpers/postman-cli.js';

const README = readFileSync('README.md', 'utf8');

/** A number the README quotes, found by the words around it (the test fails if the sentence is gone). */
function quoted(pattern: RegExp): number {
  const match = pattern.exec(README);
  expect(match, String(pattern)).not.toBeNull();
  return Number(match![1]);
}

/** `N requests, M assertions` of the last summary line of a `test` run. */
function counts(output: string): { requests: number; assertions: number } {
  const line = output.split('\n').findLast((l) => l.startsWith('pleo-postman test:'))!;
  const match = /: (\d+) requests(?: \(\d+ negative cases\))?, (\d+) assertions: \2 passed, 0 failed/.exec(line);
  expect(match, line).not.toBeNull();
  return { requests: Number(match![1]), assertions: Number(match![2]) };
}

const itemCount = (node: { item?: unknown[]; request?: unknown }): number =>
  (node.request ? 1 : 0) + (node.item ?? []).reduce<number>((n, child) => n + itemCount(child as never), 0);

describe("the README's counts for the default collection are what the runners say", () => {
  it('Newman and the Postman CLI: the same requests (the items but the token requests the harness made) and assertions', async () => {
    const newman = counts(runCli(['test', '--runner', 'newman']).stdout);
    const sentence = /That is (\d+) of the collection's (\d+) request items/;
    expect(newman.requests).toBe(quoted(sentence));
    expect(newman.assertions).toBe(
      quoted(
        /pleo-postman test: \d+ requests \(\d+ negative cases\), (\d+) assertions: \d+ passed, 0 failed in [\d.]+ s: passed\n```\s+That is/,
      ),
    );
    const items = Number(sentence.exec(README)![2]);
    expect(itemCount(JSON.parse(readFileSync('collections/pleo-api.postman_collection.json', 'utf8')))).toBe(items);
    expect(newman.requests).toBeLessThan(items);
    const cli = counts(runCli(['test', '--runner', 'postman-cli']).stdout);
    expect(cli.requests).toBe(quoted(/--runner postman-cli` the line says the same, `(\d+) requests, \d+ assertions`/));
    expect(cli.assertions).toBe(
      quoted(/--runner postman-cli` the line says the same, `\d+ requests, (\d+) assertions`/),
    );
    expect(cli).toEqual(newman);
  }, 400_000);

  it('lint scans as many request files as the README says', async () => {
    const { code, stdout } = await postmanCli(['collection', 'lint', 'postman/collections/Pleo API', '-r', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    expect(report.filesScanned).toBe(quoted(/\((\d+) request files\s+scanned\)/));
  }, 120_000);
});
