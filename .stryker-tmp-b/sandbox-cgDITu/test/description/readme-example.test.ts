// @ts-nocheck
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { validateSpec } from '../../src/description/index.js';

it("the README's description example is a valid description", () => {
  const readme = readFileSync('README.md', 'utf8');
  const example = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const result = validateSpec(example!, 'README.md');
  expect(result.problems).toEqual([]);
  expect(result.spec?.folders[0]?.requests.map((r) => r.name)).toEqual(['Create vendor', 'Get vendor']);
});

it("the README's consent-page demo challenge is the S256 of its verifier", async () => {
  const { createHash } = await import('node:crypto');
  const readme = readFileSync('README.md', 'utf8');
  const verifier = /code_verifier=(\S+)/.exec(readme)?.[1];
  const challenge = /code_challenge=([^&\s]+)/.exec(readme)?.[1];
  expect(verifier).toBe('pleo-postman-local-consent-demo-verifier-0000');
  expect(challenge).toBe(createHash('sha256').update(verifier!).digest('base64url'));
});
