// The HTTP layer: routes, content types, body size, encodings. Every JSON answer carries
// `application/json; charset=utf-8`; the undocumented 404 and 405 have no body.
import { describe, expect, test } from 'vitest';
import { requestExamples, validatorOf } from '../support/spec.ts';
import { fixtures, offRampPath, useReferenceServer } from '../support/reference-http.ts';

const server = useReferenceServer();
const body = requestExamples.FiatAmountToMexico!.value;
const badRequest = validatorOf('BadRequestError');

const payloadTooLarge = { success: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is larger than 65536 bytes' } };
const bodyFault = (message: string) => ({
  success: false,
  error: { code: 'INVALID_USER_INPUT_ERROR', message: 'Invalid User Input', details: [{ path: '', message }] },
});

describe('routes', () => {
  test.each(['/', '/api/partner/v2/off-ramp/', '/api/partner/v2/OFF-RAMP', '/api/partner/v2/receivers'])('POST %s is 404 with no body', async (path) => {
    const reply = await server.send({ path, body });
    expect([reply.status, reply.text, reply.headers['content-length']]).toEqual([404, '', '0']);
  });

  test.each(['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('%s on the off-ramp path is 405 with Allow: POST and no body', async (method) => {
    const reply = await server.send({ method, body: method === 'GET' ? undefined : body });
    expect([reply.status, reply.headers.allow, reply.text]).toEqual([405, 'POST', '']);
  });

  test('a query string does not change the route', async () => {
    const reply = await server.send({ path: `${offRampPath}?debug=1`, body });
    expect(reply.status).toBe(201);
  });
});

describe('content type', () => {
  test.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"', 'application/json ; charset=utf-8'])(
    '%s is accepted',
    async (type) => {
      const reply = await server.send({ body, headers: { 'content-type': type } });
      expect(reply.status, reply.text).toBe(201);
    },
  );

  test.each([
    ['text/plain', 'must be sent with Content-Type application/json'],
    ['application/x-www-form-urlencoded', 'must be sent with Content-Type application/json'],
    ['application/jsonx', 'must be sent with Content-Type application/json'],
    ['application/json; charset=latin1', 'must be encoded in UTF-8'],
  ])('%s is a body fault', async (type, message) => {
    const reply = await server.send({ body, headers: { 'content-type': type } });
    expect([reply.status, reply.json]).toEqual([400, bodyFault(message)]);
  });

  test('no Content-Type is a body fault', async () => {
    const reply = await server.send({ body, headers: { 'content-type': undefined } });
    expect([reply.status, reply.json]).toEqual([400, bodyFault('must be sent with Content-Type application/json')]);
  });
});

describe('body', () => {
  test.each([
    ['empty', '', 'must be valid JSON'],
    ['truncated', '{"userId":', 'must be valid JSON'],
    ['null', 'null', 'must be a JSON object'],
    ['a string', '"hello"', 'must be a JSON object'],
    ['a number', '42', 'must be a JSON object'],
    ['an array', '[{"userId":"8374f327-38bd-4b0b-b8a7-2524599eb903"}]', 'must be a JSON object'],
  ])('%s is a body fault at path ""', async (_name, raw, message) => {
    const reply = await server.send({ raw });
    expect([reply.status, reply.json]).toEqual([400, bodyFault(message)]);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  test('invalid UTF-8 is a body fault', async () => {
    const reply = await server.send({ raw: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) });
    expect([reply.status, reply.json]).toEqual([400, bodyFault('must be encoded in UTF-8')]);
  });

  test('a body of exactly 64 KiB is read; one byte more is 413 PAYLOAD_TOO_LARGE', async () => {
    const padded = (size: number) => {
      const text = JSON.stringify(body);
      return `${text.slice(0, -1)}${' '.repeat(size - text.length)}}`;
    };
    const atLimit = await server.send({ raw: padded(64 * 1024) });
    expect(atLimit.status, atLimit.text).toBe(201);
    const overLimit = await server.send({ raw: padded(64 * 1024 + 1) });
    expect([overLimit.status, overLimit.json, overLimit.headers.connection]).toEqual([413, payloadTooLarge, 'close']);
    expect(validatorOf('PayloadTooLargeError')(overLimit.json)).toBe(true);
  });

  test('an oversized body of any content type is 413 (size is checked first)', async () => {
    const reply = await server.send({ raw: 'x'.repeat(70_000), headers: { 'content-type': 'text/plain' } });
    expect([reply.status, reply.json]).toEqual([413, payloadTooLarge]);
  });

  test('a 5 MB body announced by Content-Length gets 413 without being read, and the server keeps serving', async () => {
    const reply = await server.send({ raw: `{"pad":"${'x'.repeat(5_000_000)}"}` });
    expect([reply.status, reply.json]).toEqual([413, payloadTooLarge]);
    expect((await server.send({ body })).status).toBe(201);
  });

  test('deeply nested JSON is answered, not a crash', async () => {
    const reply = await server.send({ raw: `{"userId":"8374f327-38bd-4b0b-b8a7-2524599eb903","extra":${'['.repeat(20000)}${']'.repeat(20000)}}` });
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe('INVALID_USER_INPUT_ERROR');
  });

  test.each([
    ['80 unknown properties', Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`extra${i}`, i]))],
    ['a property name of 400 characters', { ['k'.repeat(400)]: 1 }],
    ['a bank property name of 400 characters', { userBankInformation: { ...body.userBankInformation, ['k'.repeat(400)]: 1 } }],
  ])('%s: the answer stays within the spec (at most 50 details, paths of at most 300 characters)', async (_name, change) => {
    const reply = await server.send({ body: { ...body, ...change } });
    expect(reply.status).toBe(400);
    expect(badRequest(reply.json), `${reply.text}\n${JSON.stringify(badRequest.errors)}`).toBe(true);
  });

  test('a body fault is answered before authentication', async () => {
    const reply = await server.send({ raw: 'nope', headers: { 'partner-api-key': undefined } });
    expect([reply.status, reply.json]).toEqual([400, bodyFault('must be valid JSON')]);
  });
});

describe('API key header', () => {
  test('an empty header counts as missing', async () => {
    const reply = await server.send({ body, headers: { 'partner-api-key': '' } });
    expect([reply.status, reply.json.error.message]).toEqual([401, 'API Key is missing']);
  });

  test('the header name is case-insensitive', async () => {
    const reply = await server.send({ body, headers: { 'partner-api-key': undefined, 'Partner-Api-Key': fixtures.apiKeys.valid } });
    expect(reply.status).toBe(201);
  });
});
