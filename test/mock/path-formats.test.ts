import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, type ApiDescription } from '../../src/description/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { api, issueTokens } from './helpers.js';

const NEGATIVE_SPEC = 'test/fixtures/specs/negative.yaml';

// Issue 23 item 1: a path id of the wrong format, where the example is a UUID and the request documents 400.
describe.each([false, true])('a path id that is not a UUID (lenient mock: %s)', (lenient) => {
  let spec: ApiDescription;
  let mock: RunningMock;
  let token: string;
  beforeAll(async () => {
    spec = await loadSpec(NEGATIVE_SPEC);
    mock = await startMock({ spec, port: 0, lenient });
    token = (await issueTokens(mock)).access_token;
  });
  afterAll(() => mock?.close());

  it(
    lenient ? 'is accepted, as a lenient API would' : 'is refused with 400 VALIDATION_FAILED naming the parameter',
    async () => {
      const res = await api(mock, 'GET', '/v1/things/pleo-postman-not-a-uuid', { token });
      if (lenient) expect(res.status).toBe(200);
      else {
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ type: 'VALIDATION_FAILED', message: 'thingId: must be a UUID' });
      }
    },
  );

  it('a UUID that no record has is still 404 (unknown id), or the example when lenient', async () => {
    const res = await api(mock, 'GET', '/v1/things/00000000-0000-4000-8000-000000000000', { token });
    expect(res.status).toBe(lenient ? 200 : 404);
  });
});
