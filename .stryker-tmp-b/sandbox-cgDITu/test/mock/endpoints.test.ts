// @ts-nocheck
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { expectedStatus, loadSpec, type ApiDescription, type RequestDef } from '../../src/description/index.js';
import { DEFAULT_SPEC, MINIMAL_SPEC } from '../helpers/specs.js';
import { api, issueTokens, schemaChecker, STORE_SPEC } from './helpers.js';

/** `data[0].id` of a body, as a collection's capture path reads it. */
function capture(body: unknown, path: string): unknown {
  return path.split(/\.|(?=\[)/).reduce<unknown>((value, part) => {
    if (value === null || typeof value !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    return index ? (value as unknown[])[Number(index[1])] : (value as Record<string, unknown>)[part];
  }, body);
}

/**
 * Every request of a description, in order, the way its generated collection runs them: captured
 * variables feed later path parameters, each request answers its expected 2xx, and every body
 * validates against the description's own response schema.
 */
function describeEndpoints(label: string, path: string, available = true): void {
  describe.skipIf(!available)(`every endpoint of ${label}`, () => {
    let spec: ApiDescription;
    let mock: RunningMock;
    let token: string;
    let check: ReturnType<typeof schemaChecker>;
    const variables = new Map<string, string>();

    beforeAll(async () => {
      spec = await loadSpec(path);
      check = schemaChecker(spec);
      mock = await startMock({ spec, port: 0 });
      token = (await issueTokens(mock)).access_token;
    });
    afterAll(() => mock?.close());

    const requests = REQUESTS.get(path) ?? [];
    it.each(requests.map((r) => [`${r.method} ${r.path} (${r.name})`, r.name] as const))('%s', async (_title, name) => {
      const request = spec.folders.flatMap((f) => f.requests).find((r) => r.name === name) as RequestDef;
      const url = request.path.replace(/\{([^{}]+)\}/g, (_m, param: string) => {
        const def = request.parameters.path[param];
        return encodeURIComponent(variables.get(def?.variable ?? '') ?? String(def?.example ?? ''));
      });
      const query = new URLSearchParams(
        Object.entries(request.parameters.query).flatMap(([key, def]): Array<[string, string]> => {
          const value = variables.get(def.variable ?? '') ?? def.example;
          return value === undefined ? [] : [[key, String(value)]];
        }),
      );
      const res = await api(mock, request.method, `${url}${query.size > 0 ? `?${query.toString()}` : ''}`, {
        token,
        ...(request.body ? { body: request.body.example, headers: { 'content-type': request.body.contentType } } : {}),
      });
      const status = expectedStatus(request);
      const text = await res.text();
      expect(res.status, `${request.name}: ${text}`).toBe(status);
      for (const header of request.responses[String(status)]?.headers ?? [])
        expect(res.headers.get(header), header).not.toBeNull();
      if (status === 204) {
        expect(text).toBe('');
        return;
      }
      const body = text === '' ? undefined : (JSON.parse(text) as unknown);
      if (body !== undefined) expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      if (request.responses[String(status)]?.schema !== undefined) check(request.name, status, body);
      for (const [variable, from] of Object.entries(request.capture)) {
        const value = capture(body, from);
        expect(value, `capture ${variable} from ${from}`).toBeDefined();
        variables.set(variable, String(value));
      }
    });
  });
}

/** Each description's requests, read before the tests are declared (vitest collects `it.each` synchronously). */
const REQUESTS = new Map<string, RequestDef[]>();
for (const path of [MINIMAL_SPEC, STORE_SPEC, DEFAULT_SPEC]) {
  if (existsSync(path))
    REQUESTS.set(
      path,
      (await loadSpec(path)).folders.flatMap((f) => f.requests),
    );
}

describeEndpoints('the minimal fixture', MINIMAL_SPEC);
describeEndpoints('the store fixture', STORE_SPEC);
describeEndpoints('the default description (collections/pleo-api.yaml)', DEFAULT_SPEC, existsSync(DEFAULT_SPEC));

describe.skipIf(!existsSync(DEFAULT_SPEC))('the store behind the default description', () => {
  let mock: RunningMock;
  let token: string;
  beforeAll(async () => {
    mock = await startMock({ spec: await loadSpec(DEFAULT_SPEC), port: 0 });
    token = (await issueTokens(mock)).access_token;
  });
  afterAll(() => mock?.close());

  it('a created vendor can be read back', async () => {
    const body = {
      companyId: 'c082afd8-c1d2-46ee-8f56-1512638f0e67',
      name: 'Read Back ApS',
      defaultCurrency: 'EUR',
      country: 'DE',
    };
    const created = (await (await api(mock, 'POST', '/v1/vendors', { token, body })).json()) as {
      data: { id: string };
    };
    expect(created.data).toMatchObject({ name: 'Read Back ApS', country: 'DE' });
    const read = await api(mock, 'GET', `/v1/vendors/${created.data.id}`, { token });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ data: created.data });
  });

  it('a deleted account is 404 afterwards', async () => {
    const account = '/v1/chart-of-accounts/123e4567-e89b-12d3-a456-426614174005';
    expect((await api(mock, 'GET', account, { token })).status).toBe(200);
    expect((await api(mock, 'DELETE', account, { token })).status).toBe(204);
    const gone = await api(mock, 'GET', account, { token });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ type: 'NOT_FOUND' });
  });
});
