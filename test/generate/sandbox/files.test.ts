import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCollection } from '../../../src/generate/index.js';
import {
  endpointDefines,
  SANDBOX_DEFINES,
  SANDBOX_DIR,
  SANDBOX_FILES,
  sandboxSource,
} from '../../../src/generate/scripts/sandbox.js';
import { sandboxFileText } from '../../helpers/sandbox.js';
import { loadDefault } from '../../helpers/specs.js';

interface Node {
  event?: { script: { exec: string[] } }[];
  item?: Node[];
}

const PATHS = { authorizePath: '/identity/connect/authorize', tokenPath: '/connect/token' };

describe('the sandbox files (src/generate/sandbox/*.js)', () => {
  it('are all listed, so none is forgotten', () => {
    const onDisk = readdirSync(SANDBOX_DIR).filter((f) => f.endsWith('.js'));
    expect([...SANDBOX_FILES].sort()).toEqual(onDisk.sort());
  });

  it.each(SANDBOX_FILES)('%s ships without its header comments and with its defines replaced', (file) => {
    const text = sandboxFileText(file);
    const shipped = sandboxSource(file, PATHS);
    expect(text.startsWith('/*'), 'starts with its header').toBe(true);
    expect(shipped).not.toMatch(/^\s*\/\*/);
    expect(shipped).not.toMatch(/\n$/);
    for (const name of [...Object.keys(SANDBOX_DEFINES), ...Object.keys(endpointDefines(PATHS))])
      expect(shipped).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  it.each([
    ['token-refresh.js', "pm.collectionVariables.set('pleoFailedRefreshToken', sha256(refreshToken))"],
    ['security-narrow-response.js', "pm.collectionVariables.set('pleoNarrowAccessToken', answer.access_token)"],
    ['token-item.js', "pm.variables.set('pleoTokenRequestBody', formBody("],
  ] as const)('%s ships the variable names as quoted strings', (file, want) => {
    expect(sandboxSource(file, PATHS)).toContain(want);
  });

  it.each([
    ['token-refresh.js', "refresh_token: refreshToken }, '/connect/token')"],
    ['token-authorization-code.js', "tokenRequest(exchange, '/connect/token')"],
    ['token-main.js', "if (['/connect/token'].indexOf(path) >= 0) return;"],
    ['write-guard.js', "['/connect/token'].indexOf(bare) < 0"],
    ['token-authorization-code.js', "env.get('authServerUrl') + '/identity/connect/authorize' + '?'"],
  ] as const)("%s ships the description's endpoint paths, and needs them", (file, want) => {
    expect(sandboxSource(file, PATHS)).toContain(want);
    expect(() => sandboxSource(file)).toThrow(`${file} names the OAuth 2.0 endpoints`);
  });

  it('quotes a path with a quote in it as a string literal', () => {
    expect(sandboxSource('token-authorization-code.js', { ...PATHS, tokenPath: "/o'k\\" })).toContain(
      "tokenRequest(exchange, '/o\\'k\\\\')",
    );
  });

  it('ships a refresh path of its own where a refresh_token grant goes, and both paths as token requests', () => {
    const refreshing = { ...PATHS, refreshPath: '/connect/refresh' };
    expect(sandboxSource('token-refresh.js', refreshing)).toContain(
      "refresh_token: refreshToken }, '/connect/refresh')",
    );
    expect(sandboxSource('token-authorization-code.js', refreshing)).toContain(
      "tokenRequest(exchange, '/connect/token')",
    );
    expect(sandboxSource('write-guard.js', refreshing)).toContain(
      "['/connect/token', '/connect/refresh'].indexOf(bare) < 0",
    );
    expect(sandboxSource('token-main.js', refreshing)).toContain(
      "if (['/connect/token', '/connect/refresh'].indexOf(path) >= 0) return;",
    );
  });

  it('are each shipped in the generated collection', async () => {
    const { collection } = buildCollection(await loadDefault()) as unknown as {
      collection: Node & { variable: { value: unknown }[] };
    };
    const scripts: string[] = collection.variable.map((v) => String(v.value));
    const visit = (node: Node) => {
      for (const event of node.event ?? []) scripts.push(event.script.exec.join('\n'));
      for (const child of node.item ?? []) visit(child);
    };
    visit(collection);
    const dedented = scripts.map((s) => s.replace(/^ +/gm, ''));
    for (const file of SANDBOX_FILES) {
      const body = sandboxSource(file, { authorizePath: '/oauth/authorize', tokenPath: '/oauth/token' }).replace(
        /^ +/gm,
        '',
      );
      expect(
        dedented.some((s) => s.includes(body)),
        file,
      ).toBe(true);
    }
  });
});
