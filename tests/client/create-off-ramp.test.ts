// The client over the wire: a real HTTP server on 127.0.0.1 answers canned spec examples and
// broken answers; the client must map each to its typed result, never throw, never retry, and
// never reveal the API key.
import { inspect } from 'node:util';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { createOffRampClient, type CreateOffRampResult, type OffRampRequest } from '../../packages/client/src/index.ts';
import { json, startCannedServer } from '../support/canned-off-ramp-server.ts';
import { requestExamples, responseExamples } from '../support/spec.ts';

const apiKey = 'pk_test_SECRET-7f3a9c1e5b2d4f60';
const validBody = requestExamples.FiatAmountToMexico!.value as OffRampRequest;
const created = responseExamples.FiatAmountToMexico!;
const errorExamples = Object.entries(responseExamples).filter(([, example]) => example.status >= 400);

// Slow answers are released when the test is over, so the server can close.
const pending = new Set<() => void>();
const server = await startCannedServer({
  created: json(201, created.value),
  preAborted: json(201, created.value),
  ...Object.fromEntries(errorExamples.map(([name, example]) => [name, json(example.status, example.value)])),
  malformedJson: json(400, '{"success":false,"error":{"code":"BAD_REQUEST",'),
  wrongContentType: (response) => response.writeHead(400, { 'content-type': 'text/plain' }).end(JSON.stringify(responseExamples.QuoteExpired!.value)),
  htmlErrorPage: (response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>'),
  htmlWithDocumentedStatus: (response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>'),
  serverErrorNoBody: (response) => response.writeHead(500).end(),
  createdNotJson: (response) => response.writeHead(201, { 'content-type': 'application/json' }).end('created'),
  createdWithoutEnvelope: json(201, created.value.data),
  unknownCode: json(400, { success: false, error: { code: 'NOT_IN_CATALOG', message: 'Something' } }),
  codeOfAnotherStatus: json(400, { success: false, error: { code: 'UNAUTHORIZED', message: 'Invalid API Key' } }),
  errorWithoutMessage: json(403, { success: false, error: { code: 'INVALID_PARTNER_FLOW' } }),
  jsonArray: json(400, '[]'),
  slow: (response) => {
    const timer = setTimeout(() => json(201, created.value)(response), 10_000);
    pending.add(() => clearTimeout(timer));
  },
  slowBody: (response) => {
    response.writeHead(201, { 'content-type': 'application/json' });
    response.write('{"success":true,');
    const timer = setTimeout(() => response.end('"data":{}}'), 10_000);
    pending.add(() => clearTimeout(timer));
  },
  reset: (response) => response.socket?.destroy(),
  resetMidBody: (response) => {
    response.writeHead(201, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"success":true,', () => response.socket?.destroy());
  },
});
afterAll(async () => {
  for (const release of pending) release();
  await server.close();
});

const client = createOffRampClient({ baseUrl: server.baseUrl, apiKey, headers: { 'x-partner-trace': 'on' } });
const send = (scenario: string, body: unknown = validBody, init: Parameters<typeof client.createOffRamp>[1] = {}) =>
  client.createOffRamp(body as OffRampRequest, { ...init, headers: { 'x-scenario': scenario, ...init.headers } });
const requestsOf = (scenario: string) => server.received.filter((request) => request.headers['x-scenario'] === scenario);

/** Fails a test if the key shows anywhere in the result, its failure or its cause chain. */
function expectNoKey(result: CreateOffRampResult) {
  const { response: _response, ...rest } = result;
  expect(inspect(rest, { depth: 20, showHidden: true })).not.toContain(apiKey);
  expect(
    JSON.stringify(rest, (_key, value) => (value instanceof Error ? { message: value.message, stack: value.stack, cause: value.cause } : value)) ?? '',
  ).not.toContain(apiKey);
}

describe('success', () => {
  test('201: ok with the transaction, sent once as JSON with the key and extra headers', async () => {
    const result = await send('created');
    expect(result).toMatchObject({ ok: true, status: 201, data: created.value.data });
    const [request, ...others] = requestsOf('created');
    expect(others).toEqual([]);
    expect(request).toMatchObject({ method: 'POST', url: '/api/partner/v2/off-ramp' });
    expect(request!.headers).toMatchObject({
      'partner-api-key': apiKey,
      'content-type': 'application/json',
      accept: 'application/json',
      'x-partner-trace': 'on',
    });
    expect(JSON.parse(request!.body)).toEqual(validBody);
  });

  test('extra headers cannot replace the key or the content type, whatever their case', async () => {
    const other = createOffRampClient({ baseUrl: `${server.baseUrl}/`, apiKey, headers: { 'Partner-Api-Key': 'other', 'Content-Type': 'text/plain' } });
    const result = await other.createOffRamp(validBody, { headers: { 'x-scenario': 'created', 'PARTNER-API-KEY': 'other-too' } });
    expect(result.ok).toBe(true);
    expect(requestsOf('created').at(-1)!.headers).toMatchObject({ 'partner-api-key': apiKey, 'content-type': 'application/json' });
    expect(requestsOf('created').at(-1)!.url).toBe('/api/partner/v2/off-ramp');
    const viaApi = await other.api.POST('/api/partner/v2/off-ramp', { body: validBody, headers: { 'x-scenario': 'created' } });
    expect(viaApi.response.status).toBe(201);
    expect(requestsOf('created').at(-1)!.headers['partner-api-key']).toBe(apiKey);
  });

  test('an injected fetch is used, and the path prefix of the base URL is kept', async () => {
    const calls: [string, RequestInit][] = [];
    const recordingFetch = (async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify(created.value), { status: 201, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const proxied = createOffRampClient({ baseUrl: 'https://partner.example/proxy/', apiKey, fetch: recordingFetch });
    expect(await proxied.createOffRamp(validBody)).toMatchObject({ ok: true, data: created.value.data });
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0]!;
    expect(url).toBe('https://partner.example/proxy/api/partner/v2/off-ramp');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify(validBody) });
  });

  test('the openapi-fetch client reaches the same server with the same key', async () => {
    const { data, response } = await client.api.POST('/api/partner/v2/off-ramp', { body: validBody, headers: { 'x-scenario': 'created' } });
    expect(response.status).toBe(201);
    expect(data).toEqual(created.value);
    expect(requestsOf('created').at(-1)!.headers['partner-api-key']).toBe(apiKey);
  });
});

describe('every error of the catalog', () => {
  test.each(errorExamples)('%s: ok false with the status, code, message and details the server sent', async (name, example) => {
    const result = await send(name, validBody);
    expect(result).toMatchObject({ ok: false, status: example.status, source: 'server', error: example.value.error });
    if (!result.ok && !result.failure) expect(result.error).toEqual(example.value.error);
    expectNoKey(result);
  });
});

// [scenario, expected failure kind, expected status]
const brokenAnswers: [string, string, number | undefined][] = [
  ['malformedJson', 'invalid-response', 400],
  ['wrongContentType', 'invalid-response', 400],
  ['htmlErrorPage', 'unexpected-status', 502],
  ['htmlWithDocumentedStatus', 'invalid-response', 404],
  ['serverErrorNoBody', 'unexpected-status', 500],
  ['createdNotJson', 'invalid-response', 201],
  ['createdWithoutEnvelope', 'invalid-response', 201],
  ['unknownCode', 'invalid-response', 400],
  ['codeOfAnotherStatus', 'invalid-response', 400],
  ['errorWithoutMessage', 'invalid-response', 403],
  ['jsonArray', 'invalid-response', 400],
  ['reset', 'network', undefined],
  ['resetMidBody', 'network', 201],
];

describe('answers outside the contract are failures, never a catalog code', () => {
  test.each(brokenAnswers)('%s: failure %s (status %s), sent once', async (scenario, kind, status) => {
    const result = await send(scenario);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ status, failure: { kind } });
    expect(result.error).toBeUndefined();
    expect(requestsOf(scenario)).toHaveLength(1);
    expectNoKey(result);
  });

  test('a refused connection is a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = createOffRampClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey });
    const result = await refused.createOffRamp(validBody);
    expect(result).toMatchObject({ ok: false, status: undefined, failure: { kind: 'network' } });
    expectNoKey(result);
  });
});

describe('cancellation and timeouts', () => {
  test('abort before the answer: failure aborted, quickly', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pendingResult = send('slow', validBody, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await pendingResult;
    expect(result).toMatchObject({ ok: false, failure: { kind: 'aborted' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expectNoKey(result);
  });

  test('abort while the body is read: failure aborted, with the status', async () => {
    const controller = new AbortController();
    const pendingResult = send('slowBody', validBody, { signal: controller.signal, timeoutMs: 9_000 });
    setTimeout(() => controller.abort(), 100);
    expect(await pendingResult).toMatchObject({ ok: false, status: 201, failure: { kind: 'aborted' } });
  });

  test('an already aborted signal: nothing is sent, failure aborted', async () => {
    const result = await send('preAborted', validBody, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'aborted' } });
    expect(requestsOf('preAborted')).toEqual([]);
  });

  test('timeoutMs before the answer: failure timeout', async () => {
    const result = await send('slow', validBody, { timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, status: undefined, failure: { kind: 'timeout' } });
    expectNoKey(result);
  });

  test('the client-wide timeoutMs applies, a caller signal still tells abort from timeout', async () => {
    const timed = createOffRampClient({ baseUrl: server.baseUrl, apiKey, timeoutMs: 100 });
    const result = await timed.createOffRamp(validBody, { headers: { 'x-scenario': 'slowBody' }, signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, status: 201, failure: { kind: 'timeout' } });
  });

  test.each([5_000, 2 ** 40, Infinity])('a timeout that does not fire (%s ms) leaves the answer alone', async (timeoutMs) => {
    expect(await send('created', validBody, { timeoutMs })).toMatchObject({ ok: true, status: 201 });
  });
});

describe('preflight', () => {
  test('a body the server would reject is answered locally with the catalog error, nothing sent', async () => {
    const before = server.received.length;
    const result = await send('created', requestExamples.InvalidUserInput!.value);
    expect(result).toEqual({ ok: false, status: 400, source: 'preflight', error: responseExamples.InvalidUserInput!.value.error });
    expect(server.received.length).toBe(before);
  });

  test('preflight: false sends the body as it is, and the server answers', async () => {
    const result = await send('InvalidUserInput', requestExamples.InvalidUserInput!.value, { preflight: false });
    expect(result).toMatchObject({ ok: false, status: 400, source: 'server' });
    expect(JSON.parse(requestsOf('InvalidUserInput').at(-1)!.body)).toEqual(requestExamples.InvalidUserInput!.value);
  });

  test('an unserializable body without preflight is a failure, nothing sent', async () => {
    const before = server.received.length;
    const result = await send('created', { ...validBody, fiatAmount: 10n }, { preflight: false });
    expect(result).toMatchObject({ ok: false, status: undefined, failure: { kind: 'unserializable-request' } });
    expect(server.received.length).toBe(before);
  });
});

describe('the API key stays secret', () => {
  test('not in the client object', () => {
    expect(inspect(client, { depth: 20, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(client)).not.toContain(apiKey);
  });

  test.each([
    ['no apiKey', { baseUrl: 'http://127.0.0.1:1' }],
    ['an empty apiKey', { baseUrl: 'http://127.0.0.1:1', apiKey: '' }],
    ['no baseUrl', { apiKey }],
    ['a timeout of zero', { baseUrl: 'http://127.0.0.1:1', apiKey, timeoutMs: 0 }],
    ['a fetch that is not a function', { baseUrl: 'http://127.0.0.1:1', apiKey, fetch: 'fetch' }],
  ])('invalid options (%s) throw a TypeError that does not quote the key', (_case, options) => {
    expect(() => createOffRampClient(options as never)).toThrow(TypeError);
    try {
      createOffRampClient(options as never);
    } catch (error) {
      expect(inspect(error)).not.toContain(apiKey);
    }
  });
});
