/**
 * Runs the Postman sandbox files (src/generate/sandbox/*.js) under node:vm, as they are on disk,
 * with a small fake `pm`: enough of Postman's sandbox API for the scripts to run and for a test to
 * see what they did (tests declared, variables set, requests sent, requests skipped, warnings).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compileFunction, createContext, runInContext, type Context } from 'node:vm';
import { chai } from 'vitest';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH } from '../../src/description/index.js';
import { endpointDefines, SANDBOX_DEFINES, SANDBOX_DIR, type SandboxFile } from '../../src/generate/scripts/sandbox.js';

export interface RecordedTest {
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  error?: string;
}

export interface FakeResponse {
  code: number;
  body?: unknown;
  headers?: Record<string, string>;
  responseTime?: number;
}

/** What a sent request gets: a response, or an Error for a network failure. */
export type Answer = FakeResponse | Error;

export interface SentRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  body?: { mode: string; urlencoded: { key: string; value: string }[] };
}

export interface FakePmOptions {
  environment?: Record<string, string>;
  collectionVariables?: Record<string, string>;
  variables?: Record<string, string>;
  request?: { method: string; path: string };
  /** pm.execution.location: the collection's, folders' and request's names (Newman's item path); default none. */
  location?: string[];
  response?: FakeResponse;
  /** Answers pm.sendRequest (synchronously); without it every request fails with a network error. */
  send?: (request: SentRequest) => Answer;
}

export interface FakePm {
  pm: Record<string, unknown>;
  tests: RecordedTest[];
  sent: SentRequest[];
  warnings: string[];
  environment: Map<string, string>;
  collectionVariables: Map<string, string>;
  variables: Map<string, string>;
  skippedRequest: () => boolean;
}

const store = (initial: Record<string, string> = {}) => {
  const map = new Map(Object.entries(initial));
  return { map, api: { get: (key: string) => map.get(key), set: (key: string, value: string) => map.set(key, value) } };
};

const jsonOf = (body: unknown) => () => {
  if (typeof body === 'string') return JSON.parse(body);
  if (body === undefined) throw new SyntaxError('Unexpected end of JSON input');
  return body;
};

const fakeResponse = (r: FakeResponse) => {
  const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    code: r.code,
    responseTime: r.responseTime ?? 10,
    headers: { get: (name: string) => headers[name.toLowerCase()] },
    json: jsonOf(r.body),
    text: () => (typeof r.body === 'string' ? r.body : r.body === undefined ? '' : JSON.stringify(r.body)),
    to: {
      have: {
        status: (code: number) => chai.expect(r.code, 'status').to.equal(code),
        header: (name: string) => chai.expect(headers, 'headers').to.have.property(name.toLowerCase()),
      },
    },
  };
};

/** A fake `pm` that records what the scripts do. */
export function fakePm(options: FakePmOptions = {}): FakePm {
  const tests: RecordedTest[] = [];
  const sent: SentRequest[] = [];
  const warnings: string[] = [];
  let skipped = false;
  const environment = store(options.environment);
  const collectionVariables = store(options.collectionVariables);
  const variables = store(options.variables);
  const test = Object.assign(
    (name: string, check: () => void) => {
      try {
        check();
        tests.push({ name, outcome: 'passed' });
      } catch (error) {
        tests.push({ name, outcome: 'failed', error: (error as Error).message });
      }
    },
    { skip: (name: string) => tests.push({ name, outcome: 'skipped' }) },
  );
  const request = options.request ?? { method: 'GET', path: '/v1/things' };
  // As the sandbox resolves a name: local, then environment, then collection.
  const resolve = (key: string) =>
    variables.map.get(key) ?? environment.map.get(key) ?? collectionVariables.map.get(key);
  const pm = {
    test,
    expect: chai.expect,
    environment: environment.api,
    collectionVariables: collectionVariables.api,
    variables: {
      ...variables.api,
      get: resolve,
      replaceIn: (text: string) => text.replace(/\{\{([^}]+)\}\}/g, (whole, key: string) => resolve(key) ?? whole),
    },
    request: {
      method: request.method,
      url: { getPath: () => request.path, toString: () => `{{apiBaseUrl}}${request.path}` },
    },
    response: options.response ? fakeResponse(options.response) : undefined,
    execution: { skipRequest: () => (skipped = true), location: options.location ?? [] },
    sendRequest: (req: SentRequest, callback: (err: Error | null, res?: unknown) => void) => {
      sent.push(req);
      const answer = options.send ? options.send(req) : new Error('connect ECONNREFUSED');
      if (answer instanceof Error) callback(answer, undefined);
      else callback(null, fakeResponse(answer));
    },
  };
  return {
    pm,
    tests,
    sent,
    warnings,
    environment: environment.map,
    collectionVariables: collectionVariables.map,
    variables: variables.map,
    skippedRequest: () => skipped,
  };
}

/** Word arrays as crypto-js has them, over Buffers: just what the sandbox files use. */
interface Words {
  bytes: Buffer;
  toString(): string;
}
const words = (bytes: Buffer): Words => ({ bytes, toString: () => bytes.toString('hex') });
export const fakeCryptoJs = {
  SHA256: (input: string | Words) =>
    words(
      createHash('sha256')
        .update(typeof input === 'string' ? Buffer.from(input, 'utf8') : input.bytes)
        .digest(),
    ),
  enc: {
    Utf8: { parse: (text: string) => words(Buffer.from(text, 'utf8')) },
    Base64: { stringify: (w: Words) => w.bytes.toString('base64') },
  },
};

/** The text of a sandbox file as it is on disk (header comments included). */
export const sandboxFileText = (file: SandboxFile): string => readFileSync(new URL(file, SANDBOX_DIR), 'utf8');

export interface SandboxOptions {
  /** What `require(name)` returns in the sandbox; crypto-js is faked by default. */
  modules?: Record<string, unknown>;
  /** Globals the generated script's preamble would declare (env, TEST_NAME, …). */
  globals?: Record<string, unknown>;
}

/**
 * A vm context with `pm`, `require`, `console`, the defines (as globals of the same name; the endpoint
 * paths Pleo's) and the
 * given globals, in which each file has run as a script: its function declarations are the context's
 * globals, reachable as `context.name`.
 */
export function loadSandbox(fake: FakePm, files: SandboxFile[], options: SandboxOptions = {}): Context {
  const modules: Record<string, unknown> = { 'crypto-js': fakeCryptoJs, ...options.modules };
  const context = createContext({
    pm: fake.pm,
    require: (name: string) => {
      if (!(name in modules)) throw new Error(`Cannot find module '${name}'`);
      return modules[name];
    },
    console: { warn: (message: string) => fake.warnings.push(message), log: () => {} },
    ...SANDBOX_DEFINES,
    // Pleo's endpoint paths, unless a test gives the description's own (globals AUTHORIZE_PATH, TOKEN_PATH,
    // REFRESH_PATH; the refresh path is the token path unless given).
    ...endpointDefines({
      authorizePath: DEFAULT_AUTHORIZE_PATH,
      tokenPath: DEFAULT_TOKEN_PATH,
      ...(typeof options.globals?.TOKEN_PATH === 'string' ? { tokenPath: options.globals.TOKEN_PATH } : {}),
      ...(typeof options.globals?.REFRESH_PATH === 'string' ? { refreshPath: options.globals.REFRESH_PATH } : {}),
    }),
    ...options.globals,
  });
  for (const file of files) runInContext(sandboxFileText(file), context, { filename: file });
  return context;
}

/**
 * Runs a file that is the body of a function (token-main.js, security-narrow.js) in a context
 * prepared by {@link loadSandbox}, as its generated script does.
 */
export function runSandboxBody(context: Context, file: SandboxFile): unknown {
  const body = compileFunction(sandboxFileText(file), [], { parsingContext: context, filename: file });
  return body();
}
