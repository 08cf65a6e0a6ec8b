// What the client checks before it sends and before it trusts an answer: header values, the key
// in errors and answers, the 201 and error schemas, the size limit and the default time limit.
import { inspect } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { createOffRampClient, defaultMaxResponseBytes, defaultTimeoutMs, type OffRampRequest } from '../../packages/client/src/index.ts';
import { json, startCannedServer } from '../support/canned-off-ramp-server.ts';
import { requestExamples, responseExamples } from '../support/spec.ts';

const apiKey = 'pk_test_HARDENED-9d2c4e6f8a1b3c5d';
const body = requestExamples.FiatAmountToMexico!.value as OffRampRequest;
const created = responseExamples.FiatAmountToMexico!.value;
const invalidInput = responseExamples.InvalidUserInput!.value;
const withCreatedAt = (createdAt: string) => ({ ...created, data: { ...created.data, createdAt } });

const server = await startCannedServer({
  created: json(201, created),
  createdEmptyData: json(201, { success: true, data: {} }),
  createdBadDate: json(201, withCreatedAt('2026-02-30T10:00:00Z')),
  createdExtraField: json(201, { ...created, data: { ...created.data, note: 'x' } }),
  catalogRowWrongMessage: json(401, { success: false, error: { code: 'UNAUTHORIZED', message: 'Invalid API Key!' } }),
  detailsEchoKey: (response) =>
    json(400, { ...invalidInput, error: { ...invalidInput.error, details: [{ path: '/userId', message: `not ${response.req.headers['partner-api-key']}` }] } })(
      response,
    ),
  large: json(201, { ...created, padding: 'x'.repeat(4096) }),
  declaredLarge: (response) => response.writeHead(201, { 'content-type': 'application/json', 'content-length': '5000000' }).end(),
});
afterAll(() => server.close());

const client = createOffRampClient({ baseUrl: server.baseUrl, apiKey });
const send = (scenario: string, init: Parameters<typeof client.createOffRamp>[1] = {}) =>
  client.createOffRamp(body, { ...init, headers: { 'x-scenario': scenario, ...init.headers } });
const rendered = (value: unknown) => `${inspect(value, { depth: Infinity })}\n${JSON.stringify(value)}`;

describe('the key and headers are checked before anything is sent', () => {
  test.each([
    ['a trailing newline', `${apiKey}\n`],
    ['a space', `pk test`],
    ['a tab', `${apiKey}\t`],
    ['a non-ASCII letter', `${apiKey}é`],
  ])('an apiKey with %s: TypeError naming the cause, never the key', (_case, key) => {
    let thrown: unknown;
    try {
      createOffRampClient({ baseUrl: server.baseUrl, apiKey: key });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(/trailing newline/);
    expect(inspect(thrown)).not.toContain(key.trim());
  });

  test('a baseUrl with credentials: TypeError that does not quote them', () => {
    const withPassword = server.baseUrl.replace('http://', 'http://partner:s3cret-pa55word@');
    let thrown: unknown;
    try {
      createOffRampClient({ baseUrl: withPassword, apiKey });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(inspect(thrown)).not.toContain('s3cret-pa55word');
  });

  test('an invalid headers option: TypeError naming the header, never its value', () => {
    expect(() => createOffRampClient({ baseUrl: server.baseUrl, apiKey, headers: { 'x-trace': `secret-value\r\nx-injected: 1` } })).toThrow(/"x-trace"/);
    expect(() => createOffRampClient({ baseUrl: server.baseUrl, apiKey, headers: { 'x-trace': `secret-value\r\n` } })).not.toThrow(/secret-value/);
    expect(() => createOffRampClient({ baseUrl: server.baseUrl, apiKey, headers: { 'bad name': '1' } })).toThrow(/"bad name"/);
  });

  test('invalid init.headers: a failure naming the header, nothing sent', async () => {
    const before = server.received.length;
    const result = await send('created', { headers: { 'x-note': 'line\nbreak' } });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unserializable-request' } });
    expect(result.failure!.message).toContain('"x-note"');
    expect(result.failure!.message).not.toContain('line');
    expect(server.received.length).toBe(before);
  });

  test('a cause that quotes the key is replaced by a plain error', async () => {
    const quoting = (async () => {
      throw new TypeError('fetch failed', { cause: new Error(`header value ${apiKey} refused`) });
    }) as typeof fetch;
    const result = await createOffRampClient({ baseUrl: server.baseUrl, apiKey, fetch: quoting }).createOffRamp(body);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(rendered(result)).not.toContain(apiKey);
    expect(inspect(result.failure!.cause)).toMatch(/redacted/);
  });

  test('a cause without the key is kept', async () => {
    const plain = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const result = await createOffRampClient({ baseUrl: server.baseUrl, apiKey, fetch: plain }).createOffRamp(body);
    expect(result.failure!.cause).toMatchObject({ message: 'fetch failed' });
  });

  test('details of a catalog error that echo the key are redacted', async () => {
    const result = await send('detailsEchoKey');
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      source: 'server',
      error: { code: 'INVALID_USER_INPUT_ERROR', details: [{ path: '/userId', message: 'not [redacted]' }] },
    });
    expect(rendered(result)).not.toContain(apiKey);
  });

  test('response is readable but not enumerable: logging a result never prints its headers', async () => {
    const result = await send('created');
    expect(result.response).toBeInstanceOf(Response);
    expect(Object.keys(result)).not.toContain('response');
    expect(inspect(result, { depth: Infinity })).not.toMatch(/Headers|content-type/);
    expect(JSON.stringify(result)).not.toContain('"response"');
  });
});

describe('an answer is trusted only when it is valid against its schema', () => {
  test('a valid 201 is ok', async () => {
    expect(await send('created')).toMatchObject({ ok: true, data: created.data });
  });

  test.each([
    ['createdEmptyData', '/data'],
    ['createdBadDate', '/data/createdAt'],
    ['createdExtraField', '/data'],
  ])('%s: invalid-response naming %s, no values, "may exist"', async (scenario, path) => {
    const result = await send(scenario);
    expect(result).toMatchObject({ ok: false, status: 201, failure: { kind: 'invalid-response' } });
    expect(result.failure!.message).toContain(`first at ${path})`);
    expect(result.failure!.message).toMatch(/may exist/);
    expect(result.failure!.message).not.toMatch(/2026|"x"/);
  });

  test('a catalog code with a message that is not its row: invalid-response', async () => {
    expect(await send('catalogRowWrongMessage')).toMatchObject({ ok: false, status: 401, failure: { kind: 'invalid-response' } });
  });
});

describe('limits', () => {
  test('the defaults: 30 s and 1 MiB', () => {
    expect(defaultTimeoutMs).toBe(30_000);
    expect(defaultMaxResponseBytes).toBe(1_048_576);
  });

  test('without timeoutMs, a call still has a time limit (a signal that aborts)', async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const recording = (async (_url: string, init: RequestInit) => {
      signals.push(init.signal);
      return new Response(JSON.stringify(created), { status: 201, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    await createOffRampClient({ baseUrl: server.baseUrl, apiKey, fetch: recording }).createOffRamp(body);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
  });

  test('maxResponseBytes per call: a larger body is response-too-large, a smaller one passes', async () => {
    expect(await send('large', { maxResponseBytes: 4096 })).toMatchObject({ ok: false, status: 201, failure: { kind: 'response-too-large' } });
    expect((await send('large')).failure?.kind).toBe('invalid-response');
  });

  test('maxResponseBytes of the client applies; a Content-Length over it fails at once', async () => {
    const small = createOffRampClient({ baseUrl: server.baseUrl, apiKey, maxResponseBytes: 4096 });
    expect(await small.createOffRamp(body, { headers: { 'x-scenario': 'large' } })).toMatchObject({ failure: { kind: 'response-too-large' } });
    expect(await send('declaredLarge')).toMatchObject({ ok: false, status: 201, failure: { kind: 'response-too-large' } });
  });

  test('a browser opaqueredirect is a redirect failure to an unknown origin', async () => {
    const opaque = (async () => {
      const response = new Response(null, { status: 200 });
      Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 } });
      return response;
    }) as typeof fetch;
    const result = await createOffRampClient({ baseUrl: server.baseUrl, apiKey, fetch: opaque }).createOffRamp(body);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'redirect' } });
    expect(result.failure!.message).toMatch(/unknown origin/);
  });

  test('createOffRamp asks fetch not to follow redirects', async () => {
    const inits: RequestInit[] = [];
    const recording = (async (_url: string, init: RequestInit) => {
      inits.push(init);
      return new Response(JSON.stringify(created), { status: 201, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    await createOffRampClient({ baseUrl: server.baseUrl, apiKey, fetch: recording }).createOffRamp(body);
    expect(inits[0]!.redirect).toBe('manual');
  });
});

describe('a redirect whose target holds the key', () => {
  const toKeyHost = (async () => new Response(null, { status: 302, headers: { location: `http://${apiKey.toLowerCase()}.example/x` } })) as typeof fetch;
  const lowerKey = apiKey.toLowerCase();

  test('createOffRamp: the message does not show it', async () => {
    const result = await createOffRampClient({ baseUrl: server.baseUrl, apiKey: lowerKey, fetch: toKeyHost }).createOffRamp(body);
    expect(result).toMatchObject({ ok: false, status: 302, failure: { kind: 'redirect' } });
    expect(rendered(result)).not.toContain(lowerKey);
  });

  test('client.api: the error gives no target origin', async () => {
    const api = createOffRampClient({ baseUrl: server.baseUrl, apiKey: lowerKey, fetch: toKeyHost }).api;
    const thrown = await api.POST('/api/partner/v2/off-ramp', { body }).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ name: 'OffRampRedirectError', status: 302, targetOrigin: undefined });
    expect(inspect(thrown)).not.toContain(lowerKey);
  });
});
