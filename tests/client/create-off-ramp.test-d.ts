// Type-level tests of the client's surface and results, imported by package name.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createOffRampClient,
  defaultMaxResponseBytes,
  defaultTimeoutMs,
  type OffRampRedirectError,
  type OffRampResponseTooLargeError,
  errorCatalog,
  validateOffRampRequest,
  type components,
  type CreateOffRampResult,
  type OffRampError,
  type OffRampErrorCode,
  type OffRampErrorDetail,
  type OffRampFailureKind,
  type OffRampRequest,
  type OffRampTransaction,
  type paths,
} from '@off-ramp/client';
import type { Client } from 'openapi-fetch';

declare const result: CreateOffRampResult;

describe('the exported types are the contract', () => {
  test('OffRampErrorCode is the spec ErrorCode enumeration and the catalog codes', () => {
    expectTypeOf<OffRampErrorCode>().toEqualTypeOf<components['schemas']['ErrorCode']>();
    expectTypeOf<(typeof errorCatalog)[number]['code']>().toEqualTypeOf<OffRampErrorCode>();
  });
  test('OffRampTransaction is the 201 data, OffRampRequest the request body', () => {
    expectTypeOf<OffRampTransaction>().toEqualTypeOf<paths['/api/partner/v2/off-ramp']['post']['responses'][201]['content']['application/json']['data']>();
    expectTypeOf<OffRampRequest>().toEqualTypeOf<NonNullable<paths['/api/partner/v2/off-ramp']['post']['requestBody']>['content']['application/json']>();
  });
  test('OffRampError and its details match the spec ErrorBody', () => {
    expectTypeOf<OffRampError>().toExtend<components['schemas']['ErrorBody']>();
    expectTypeOf<components['schemas']['ErrorBody']>().toExtend<OffRampError>();
    expectTypeOf<OffRampErrorDetail>().toEqualTypeOf<components['schemas']['ErrorDetail']>();
  });
  test('errorCatalog rows carry status, code and message', () => {
    expectTypeOf(errorCatalog[0]).toExtend<{ status: 400 | 401 | 403 | 404; code: OffRampErrorCode; message: string }>();
  });
});

describe('createOffRampClient', () => {
  test('takes baseUrl and apiKey, and optionally fetch and headers', () => {
    createOffRampClient({ baseUrl: 'https://api.example.com', apiKey: 'key' });
    createOffRampClient({ baseUrl: 'https://api.example.com', apiKey: 'key', fetch: globalThis.fetch, headers: { 'x-request-id': '1' }, timeoutMs: 5000 });
    // @ts-expect-error the API key is required
    createOffRampClient({ baseUrl: 'https://api.example.com' });
  });
  test('takes maxResponseBytes, per client and per call', () => {
    const client = createOffRampClient({ baseUrl: 'https://api.example.com', apiKey: 'key', maxResponseBytes: 65_536, timeoutMs: Infinity });
    void client.createOffRamp({} as OffRampRequest, { maxResponseBytes: 4096, timeoutMs: 1000 });
    // @ts-expect-error a size limit is a number of bytes
    createOffRampClient({ baseUrl: 'https://api.example.com', apiKey: 'key', maxResponseBytes: '1 MiB' });
    expectTypeOf(defaultTimeoutMs).toEqualTypeOf<number>();
    expectTypeOf(defaultMaxResponseBytes).toEqualTypeOf<number>();
  });
  test('exposes createOffRamp and the typed openapi-fetch client', () => {
    const client = createOffRampClient({ baseUrl: 'https://api.example.com', apiKey: 'key' });
    expectTypeOf(client.api).toEqualTypeOf<Client<paths>>();
    expectTypeOf(client.createOffRamp).returns.resolves.toEqualTypeOf<CreateOffRampResult>();
    expectTypeOf(client.createOffRamp).parameter(1).toExtend<{ signal?: AbortSignal; preflight?: boolean } | undefined>();
  });
});

describe('results narrow by ok, status and failure', () => {
  test('ok: the transaction', () => {
    if (result.ok) {
      expectTypeOf(result.status).toEqualTypeOf<201>();
      expectTypeOf(result.data).toEqualTypeOf<OffRampTransaction>();
      // @ts-expect-error a success has no error
      result.error.code;
    }
  });
  test('a failure is not a catalog error', () => {
    if (!result.ok && result.failure) {
      expectTypeOf(result.failure.kind).toEqualTypeOf<OffRampFailureKind>();
      expectTypeOf(result.status).toEqualTypeOf<number | undefined>();
      // @ts-expect-error a failure has no catalog code
      result.error.code;
    }
  });
  test('a rejection carries a catalog code, narrowed by status', () => {
    if (!result.ok && !result.failure) {
      expectTypeOf(result.error.code).toEqualTypeOf<OffRampErrorCode>();
      expectTypeOf(result.error.message).toEqualTypeOf<string>();
      expectTypeOf(result.source).toEqualTypeOf<'preflight' | 'server'>();
      if (result.status === 401) expectTypeOf(result.error.code).toEqualTypeOf<'UNAUTHORIZED'>();
      if (result.status === 404) expectTypeOf(result.error.code).toEqualTypeOf<'RECEIVER_NOT_FOUND' | 'USER_BANK_INFO_NOT_FOUND'>();
      // @ts-expect-error 401 is never answered with a 400 code
      if (result.status === 401 && result.error.code === 'BAD_REQUEST') return;
    }
  });
});

describe('failure kinds and the errors client.api rejects with', () => {
  test('OffRampFailureKind lists every kind, redirect and response-too-large included', () => {
    expectTypeOf<OffRampFailureKind>().toEqualTypeOf<
      'network' | 'timeout' | 'aborted' | 'unexpected-status' | 'invalid-response' | 'redirect' | 'response-too-large' | 'unserializable-request'
    >();
  });
  test('OffRampRedirectError carries the status and the target origin only', () => {
    expectTypeOf<OffRampRedirectError>().toExtend<Error>();
    expectTypeOf<OffRampRedirectError['status']>().toEqualTypeOf<number>();
    expectTypeOf<OffRampRedirectError['targetOrigin']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<OffRampResponseTooLargeError>().toExtend<Error>();
    expectTypeOf<OffRampResponseTooLargeError['maxResponseBytes']>().toEqualTypeOf<number>();
  });
  test('response is still readable on a result', () => {
    if (result.ok) expectTypeOf(result.response).toEqualTypeOf<Response>();
  });
});

describe('validateOffRampRequest', () => {
  test('takes anything and narrows to a typed request or a catalog 400', () => {
    const checked = validateOffRampRequest(JSON.parse('{}') as unknown);
    if (checked.ok) expectTypeOf(checked.value).toEqualTypeOf<OffRampRequest>();
    else {
      expectTypeOf(checked.error.status).toEqualTypeOf<400>();
      expectTypeOf(checked.error.code).toExtend<OffRampErrorCode>();
      expectTypeOf(checked.check).toEqualTypeOf<'body' | 'userId' | 'shape' | 'pricingSource' | 'bankSource'>();
    }
  });
});
