// @ts-nocheck
import type { MockOptions, TamperContext, TamperResult } from '../../../src/mock/index.js';
import type { Failure } from '../../../src/run/index.js';

/** Changes the successful answer to one request of the description; every other answer (401s too) is left alone. */
function breakAnswer(requestName: string, change: (ctx: TamperContext) => TamperResult): MockOptions['tamper'] {
  return (ctx) =>
    ctx.request.name === requestName && ctx.status < 300
      ? change({ ...ctx, body: structuredClone(ctx.body) })
      : undefined;
}

const withData = (ctx: TamperContext, edit: (data: Record<string, unknown>) => void): TamperResult => {
  edit((ctx.body as { data: Record<string, unknown> }).data);
  return { status: ctx.status, body: ctx.body };
};

export interface Case {
  mock: Pick<MockOptions, 'tamper' | 'enforceScopes'>;
  want: Omit<Failure, 'message'> & { message: RegExp | string };
}

/**
 * Proof that the generated tests can fail: a mock that breaks the contract on purpose, one break
 * per run, and the runner reports exactly that break, on the right request and assertion.
 */
export const CASES: Array<[string, Case]> = [
  [
    'a field of the wrong type',
    {
      mock: {
        tamper: breakAnswer('Get vendor', (ctx) =>
          withData(ctx, (data) => {
            data.name = 42;
          }),
        ),
      },
      want: {
        item: 'Get vendor',
        test: 'GET /v1/vendors/{vendorId} → body matches VendorResponse',
        message: 'body does not match VendorResponse: $.data.name: must be string (type)',
      },
    },
  ],
  [
    'a missing required field',
    {
      mock: {
        tamper: breakAnswer('Get employee', (ctx) =>
          withData(ctx, (data) => {
            delete data.id;
          }),
        ),
      },
      want: {
        item: 'Get employee',
        test: 'GET /v2/employees/{employeeId} → body matches inline schema',
        message: 'body does not match inline schema: $.data.id: is required (required)',
      },
    },
  ],
  [
    'a wrong status',
    {
      mock: { tamper: breakAnswer('Introspect token', (ctx) => ({ status: 202, body: ctx.body })) },
      want: {
        item: 'Introspect token',
        test: 'GET /v1/introspect → 200',
        message: /expected response to have status code 200 but got 202/,
      },
    },
  ],
  [
    'a 403 where 200 was due',
    {
      mock: {
        tamper: breakAnswer('Get vendor', () => ({ status: 403, body: { type: 'FORBIDDEN', message: 'not allowed' } })),
      },
      want: {
        item: 'Get vendor',
        test: 'GET /v1/vendors/{vendorId} → 200',
        message: /expected response to have status code 200 but got 403/,
      },
    },
  ],
  [
    'a missing scope check',
    {
      mock: { enforceScopes: (request) => request.name !== 'Get vendor' },
      want: {
        item: 'Vendors: token without vendors:read → 403',
        test: 'Vendors: GET /v1/vendors/{vendorId} with a token lacking vendors:read → 403 (RFC 6750 §3.1 insufficient_scope)',
        message: /expected response to have status code 403 but got 200/,
      },
    },
  ],
];
