// @ts-nocheck
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const lint = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: false });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
};

describe('eslint.config.js: the Postman sandbox files as ES5 scripts', () => {
  it('finds the sandbox files clean', async () => {
    const results = await eslint.lintFiles(['src/generate/sandbox/*.js']);
    expect(results.length).toBeGreaterThan(5);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });

  it.each([
    ['let', 'let x = 1;'],
    ['an arrow function', 'var f = () => 1;'],
    ['a template literal', 'var s = `a`;'],
    ['an optional catch binding', 'try { pm.test(); } catch { }'],
    ['a top-level return', 'return;'],
  ])('refuses %s', async (_name, code) => {
    expect((await lint(code, 'src/generate/sandbox/probe.js')).join()).toMatch(/Parsing error/);
  });

  it('knows the sandbox globals, and nothing else', async () => {
    expect(
      await lint("pm.test('x', function () { console.warn(require('crypto-js')); });", 'src/generate/sandbox/probe.js'),
    ).toEqual([]);
    expect(await lint('window.alert(1);', 'src/generate/sandbox/probe.js')).toEqual(['no-undef']);
  });

  it('lets the two function-body files return', async () => {
    expect(await lint('if (pm.request) return;', 'src/generate/sandbox/token-main.js')).toEqual([]);
  });

  it('lints nothing else (Biome does)', async () => {
    expect(await eslint.isPathIgnored('scripts/bench.mjs')).toBe(true);
    expect(await eslint.isPathIgnored('dist/generate/sandbox/contract.js')).toBe(true);
  });
});
