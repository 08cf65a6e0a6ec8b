// Step 0 over real sockets: the 413 and 431 reach a client that is still sending (lingering
// close), Expect: 100-continue, the 408 of stalled and slow requests, and the body faults of
// repeated member names and Content-Encoding.
import { describe, expect, test } from 'vitest';
import { requestExamples, validatorOf } from '../support/spec.ts';
import { fixtures, offRampPath, useReferenceServer } from '../support/reference-http.ts';
import { postHead, rawConnection, sleep, write } from '../support/raw-socket.ts';

const server = useReferenceServer({ requestTimeoutMs: 1000 });
const body = JSON.stringify(requestExamples.FiatAmountToMexico!.value);
const timeout = { success: false, error: { code: 'REQUEST_TIMEOUT', message: 'Request was not received in full within 10 seconds' } };

describe('413 and 431 reach a client that is still sending', () => {
  test('a 5 MB body over fetch gets its 413, 10 times out of 10', async () => {
    const big = `{"pad":"${'x'.repeat(5_000_000)}"}`;
    let delivered = 0;
    for (let i = 0; i < 10; i++) {
      try {
        const response = await fetch(`${server.url}${offRampPath}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'partner-api-key': fixtures.apiKeys.valid },
          body: big,
        });
        if (response.status === 413 && ((await response.json()) as any).error.code === 'PAYLOAD_TOO_LARGE') delivered++;
      } catch {
        // a reset connection: not delivered
      }
    }
    expect(delivered).toBe(10);
  });

  test('a raw client that writes 5 MB before reading gets the 413, then the server closes', async () => {
    const connection = rawConnection(server.url, { paused: true });
    const error = await write(connection.socket, postHead(5_000_000) + 'x'.repeat(5_000_000));
    expect(error).toBeUndefined();
    connection.socket.resume();
    const reply = await connection.reply;
    expect([reply.status, reply.json.error.code, reply.headers.connection]).toEqual([413, 'PAYLOAD_TOO_LARGE', 'close']);
    expect(validatorOf('PayloadTooLargeError')(reply.json)).toBe(true);
  });

  test('a raw client with 20 KB headers that writes 2 MB before reading gets the 431', async () => {
    const connection = rawConnection(server.url, { paused: true });
    const error = await write(connection.socket, postHead(2_000_000, { 'x-padding': 'a'.repeat(20_000) }) + 'x'.repeat(2_000_000));
    expect(error).toBeUndefined();
    connection.socket.resume();
    const reply = await connection.reply;
    expect([reply.status, reply.json.error.code]).toEqual([431, 'REQUEST_HEADERS_TOO_LARGE']);
  });

  test('a client that stops sending after the 413 is closed after about 1 s idle', async () => {
    // The server half-closes at once (FIN after the answer); its full close shows when the client
    // writes again: still read at 0.5 s idle, reset after 2 s.
    const connection = rawConnection(server.url, { halfOpen: true });
    connection.socket.write(postHead(5_000_000) + 'x'.repeat(100_000));
    await connection.answered;
    await sleep(500);
    connection.socket.write('x');
    await sleep(200);
    expect(connection.socket.destroyed).toBe(false);
    await sleep(1800);
    connection.socket.write('x');
    connection.socket.write('x');
    const reply = await connection.reply;
    expect(reply.status).toBe(413);
    expect(reply.errorCode).toMatch(/ECONNRESET|EPIPE/);
  });

  test('a client that never stops sending is closed within the 3 s lingering limit', async () => {
    const connection = rawConnection(server.url, { halfOpen: true });
    connection.socket.write(postHead(50_000_000));
    const sender = setInterval(() => connection.socket.writable && connection.socket.write('x'.repeat(10_000)), 20);
    const reply = await connection.reply;
    clearInterval(sender);
    expect(reply.status).toBe(413);
    expect(reply.closedAfterMs).toBeGreaterThan(2500);
    expect(reply.closedAfterMs).toBeLessThan(4500);
  });
});

describe('Expect: 100-continue', () => {
  test('a Content-Length over the limit gets the 413 without 100 Continue', async () => {
    const connection = rawConnection(server.url);
    connection.socket.write(postHead(70_000, { expect: '100-continue' }));
    const reply = await connection.reply;
    expect(reply.statuses).toEqual([413]);
    expect(reply.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('within the limit: 100 Continue, then the request is processed', async () => {
    const connection = rawConnection(server.url);
    connection.socket.write(postHead(Buffer.byteLength(body), { expect: '100-continue', connection: 'close' }));
    await connection.answered;
    await sleep(50);
    connection.socket.write(body);
    const reply = await connection.reply;
    expect(reply.statuses).toEqual([100, 201]);
  });
});

describe('408 REQUEST_TIMEOUT', () => {
  test.each([
    ['a body that stalls after 20 bytes', postHead(Buffer.byteLength(body)) + body.slice(0, 20)],
    ['headers that stall', postHead(Buffer.byteLength(body)).slice(0, 40)],
  ])('%s is 408 at the limit, then the connection closes', async (_name, bytes) => {
    const connection = rawConnection(server.url);
    connection.socket.write(bytes);
    const reply = await connection.reply;
    expect([reply.status, reply.json, reply.headers['content-type']]).toEqual([408, timeout, 'application/json; charset=utf-8']);
    expect(validatorOf('RequestTimeoutError')(reply.json)).toBe(true);
    expect(reply.answeredAfterMs).toBeGreaterThan(950);
    expect(reply.answeredAfterMs).toBeLessThan(1600);
    expect((await server.send({ raw: body })).status).toBe(201);
  });

  test('a body trickled one byte a second is cut at the limit', async () => {
    const connection = rawConnection(server.url);
    connection.socket.write(postHead(Buffer.byteLength(body)));
    let sent = 0;
    const sender = setInterval(() => connection.socket.writable && connection.socket.write(body[sent++]!), 1000 / 4);
    const reply = await connection.reply;
    clearInterval(sender);
    expect(reply.status).toBe(408);
    expect(reply.answeredAfterMs).toBeLessThan(1600);
  });
});

describe('body faults', () => {
  const fault = (path: string, message: string) => ({
    success: false,
    error: { code: 'INVALID_USER_INPUT_ERROR', message: 'Invalid User Input', details: [{ path, message }] },
  });
  test.each([
    ['a repeated top-level member', body.replace('"fiatAmount":1500', '"fiatAmount":1500,"fiatAmount":15'), '', 'must not repeat the member name "fiatAmount"'],
    [
      'a repeated member in the bank details',
      body.replace('"country":"MX"', '"country":"MX","country":"US"'),
      '/userBankInformation',
      'must not repeat the member name "country"',
    ],
    [
      'a repeat spelled with an escape',
      body.replace('"fiatAmount":1500', '"fiatAmount":1500,"fiat\\u0041mount":15'),
      '',
      'must not repeat the member name "fiatAmount"',
    ],
  ])('%s is 400 naming the member', async (_name, raw, path, message) => {
    const reply = await server.send({ raw });
    expect([reply.status, reply.json]).toEqual([400, fault(path, message)]);
  });

  test('a repeated member in an object inside an array is pointed at', async () => {
    const reply = await server.send({ raw: body.replace(/}$/, ',"extra":[{},{"a":1,"a":2}]}') });
    expect(reply.json.error.details).toEqual([{ path: '/extra/1', message: 'must not repeat the member name "a"' }]);
  });

  test.each(['gzip', 'br', 'deflate', 'identity, gzip'])('Content-Encoding %s is 400', async (encoding) => {
    const reply = await server.send({ raw: body, headers: { 'content-encoding': encoding } });
    expect([reply.status, reply.json]).toEqual([400, fault('', 'must not be sent with a Content-Encoding other than identity')]);
  });

  test('Content-Encoding identity is accepted', async () => {
    expect((await server.send({ raw: body, headers: { 'content-encoding': 'identity' } })).status).toBe(201);
  });
});
