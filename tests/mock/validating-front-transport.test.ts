// The mock's validating front on the reference implementation's transport: without `Prefer` its
// step-0 answers (413, 431, 408, Expect: 100-continue, 404, 405) are the reference's, compared with
// a running reference server over raw sockets; with `Prefer` a request reaches Prism whole, even
// one with 20 KB of headers or a 70 KB body. Forwarding is bounded, and no header reaches the log.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHttpFront } from '../../packages/tools/src/reference/start-http-front.ts';
import { startReferenceServer, type ReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';
import { startMock, type MockServer } from '../../packages/tools/src/prism/start-mock.ts';
import { createValidatingFront } from '../../packages/tools/src/prism/validating-front.ts';
import { requestExamples, responseExamples } from '../support/spec.ts';
import { fixtures, send } from '../support/reference-http.ts';
import { rawConnection, type RawReply } from '../support/raw-socket.ts';
import { maxRequestHeaderBytes, offRampPath } from '../../packages/client/generated/protocol.ts';

const requestTimeoutMs = 1000;
const linger = { totalMs: 1000, idleMs: 300 };
const work = mkdtempSync(join(tmpdir(), 'off-ramp-mock-front-'));
const frontLog: string[] = [];
let mock: MockServer;
let reference: ReferenceServer;
beforeAll(async () => {
  [mock, reference] = await Promise.all([
    startMock({ log: join(work, 'prism-mock.log'), requestTimeoutMs, linger, frontLog: (line) => frontLog.push(line) }),
    startReferenceServer({ requestTimeoutMs, linger }),
  ]);
});
afterAll(async () => {
  await Promise.all([mock?.close(), reference?.close()]);
  rmSync(work, { recursive: true, force: true });
});

const body = JSON.stringify(requestExamples.FiatAmountToMexico!.value);
const prefer = (name: string) => `code=${responseExamples[name]!.status}, example=${name}`;

/** A request head whose size, as Node's parser counts it (target + names + values), is exactly `count`. */
function headOfSize(count: number, extra: Record<string, string> = {}): string {
  const headers: Record<string, string> = {
    host: '127.0.0.1',
    'content-type': 'application/json',
    'partner-api-key': fixtures.apiKeys.valid,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...extra,
  };
  const without = offRampPath.length + Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0) + 'x-padding'.length;
  headers['x-padding'] = 'a'.repeat(count - without);
  return `POST ${offRampPath} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
}

/** Sends the same bytes to the mock and to the reference, each on a fresh connection, and waits for both to close. */
async function rawToBoth(bytes: string): Promise<{ fromMock: RawReply; fromReference: RawReply }> {
  const [fromMock, fromReference] = await Promise.all(
    [mock.url, reference.url].map((url) => {
      const connection = rawConnection(url);
      connection.socket.write(bytes);
      return connection.reply;
    }),
  );
  return { fromMock: fromMock!, fromReference: fromReference! };
}
const view = (reply: RawReply) => ({ statuses: reply.statuses, json: reply.json, connection: reply.headers.connection });

describe("without Prefer: the reference's transport answers", () => {
  test.each([
    ['one byte under the header limit: created', maxRequestHeaderBytes - 1, 201],
    ['at the header limit: 431', maxRequestHeaderBytes, 431],
    ['20 KB of headers: 431', 20_000, 431],
  ])('%s', async (_, size, status) => {
    const { fromMock, fromReference } = await rawToBoth(headOfSize(size) + body);
    expect(fromMock.status).toBe(status);
    if (status === 431) expect(view(fromMock)).toEqual(view(fromReference));
    else expect(fromReference.status).toBe(201);
  });

  test('a body over 64 KiB: 413 PAYLOAD_TOO_LARGE, the connection closed', async () => {
    const padded = `${body.slice(0, -1)}${' '.repeat(70_000)}}`;
    const head = `POST ${offRampPath} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\npartner-api-key: ${fixtures.apiKeys.valid}\r\ncontent-length: ${padded.length}\r\n\r\n`;
    const { fromMock, fromReference } = await rawToBoth(head + padded);
    expect(view(fromMock)).toEqual(view(fromReference));
    expect([fromMock.status, fromMock.json.error.code, fromMock.headers.connection]).toEqual([413, 'PAYLOAD_TOO_LARGE', 'close']);
  });

  test('Expect: 100-continue with a Content-Length over the limit: 413 at once, no 100 Continue', async () => {
    const head = `POST ${offRampPath} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\npartner-api-key: ${fixtures.apiKeys.valid}\r\ncontent-length: 70000\r\nexpect: 100-continue\r\n\r\n`;
    const { fromMock, fromReference } = await rawToBoth(head);
    expect(view(fromMock)).toEqual(view(fromReference));
    expect(fromMock.statuses).toEqual([413]);
  });

  test('a body that stalls: 408 REQUEST_TIMEOUT at the limit', async () => {
    const head = `POST ${offRampPath} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\npartner-api-key: ${fixtures.apiKeys.valid}\r\ncontent-length: ${body.length}\r\n\r\n`;
    const { fromMock, fromReference } = await rawToBoth(head + body.slice(0, 20));
    expect(view(fromMock)).toEqual(view(fromReference));
    expect(fromMock.json.error.code).toBe('REQUEST_TIMEOUT');
    expect(fromMock.answeredAfterMs).toBeGreaterThan(requestTimeoutMs * 0.9);
  });

  test.each([
    ['another path: 404', { path: '/api/partner/v2/on-ramp' }],
    ['another method: 405 with Allow: POST', { method: 'GET' }],
  ])('%s, as the reference answers', async (_, outgoing) => {
    const [fromMock, fromReference] = await Promise.all([send(mock.url, outgoing), send(reference.url, outgoing)]);
    expect([fromMock.status, fromMock.headers.allow, fromMock.text]).toEqual([fromReference.status, fromReference.headers.allow, fromReference.text]);
  });
});

describe('with Prefer: the request reaches Prism whole', () => {
  test('20 KB of headers: Prism answers the scenario asked for', async () => {
    const connection = rawConnection(mock.url);
    connection.socket.write(headOfSize(20_000, { prefer: prefer('FiatAmountToMexico') }) + body);
    const reply = await connection.reply;
    expect([reply.status, reply.json]).toEqual([201, responseExamples.FiatAmountToMexico!.value]);
  });

  test('a 70 KB body: Prism answers the scenario asked for (a body cut short would not parse)', async () => {
    const padded = `${body.slice(0, -1)}${' '.repeat(70_000)}}`;
    const reply = await send(mock.url, { raw: padded, headers: { prefer: prefer('FiatAmountToMexico') } });
    expect([reply.status, reply.json]).toEqual([201, responseExamples.FiatAmountToMexico!.value]);
  });

  test('Expect: 100-continue over the limit is invited (100 Continue), then Prism answers', async () => {
    const padded = `${body.slice(0, -1)}${' '.repeat(70_000)}}`;
    const connection = rawConnection(mock.url);
    connection.socket.write(
      `POST ${offRampPath} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\npartner-api-key: ${fixtures.apiKeys.valid}\r\nprefer: ${prefer('PayloadTooLarge')}\r\ncontent-length: ${padded.length}\r\nexpect: 100-continue\r\nconnection: close\r\n\r\n`,
    );
    await connection.answered;
    connection.socket.write(padded);
    const reply = await connection.reply;
    expect([reply.statuses, reply.json]).toEqual([[100, 413], responseExamples.PayloadTooLarge!.value]);
  });

  test("another path: Prism's own 404", async () => {
    const reply = await send(mock.url, { path: '/api/partner/v2/on-ramp', headers: { prefer: prefer('FiatAmountToMexico') } });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('forwarding', () => {
  test("Prism's headers are relayed (its sl-violations), hop-by-hop ones are not", async () => {
    const reply = await send(mock.url, { raw: '{}', headers: { prefer: prefer('FiatAmountToMexico') } });
    expect(reply.status).toBe(400);
    expect(reply.headers['sl-violations']).toContain('userId');
    expect(reply.headers['transfer-encoding']).toBeUndefined();
  });

  test('is bounded: an upstream that never answers gets the client an empty 502 at the deadline', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const front = createValidatingFront({ prismUrl: `http://127.0.0.1:${port}`, forwardTimeoutMs: 300 });
    const http = await startHttpFront(front.router, { label: 'mock' });
    try {
      const started = performance.now();
      const reply = await send(http.url, { body: requestExamples.FiatAmountToMexico!.value });
      expect([reply.status, reply.text]).toEqual([502, '']);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      await http.close();
      front.close();
      silent.close();
    }
  });

  test('log lines name route, status and who answered, never a header or the URL', async () => {
    frontLog.length = 0;
    const key = fixtures.apiKeys.valid;
    await send(mock.url, { path: `${offRampPath}?partner-api-key=${key}`, body: requestExamples.FiatAmountToMexico!.value });
    await send(mock.url, { body: {}, headers: { prefer: prefer('FiatAmountToMexico') } });
    await send(mock.url, { body: [] });
    expect(frontLog).toEqual([
      'mock: POST off-ramp -> 201 (Prism)',
      'mock: POST named scenario -> 400 (Prism)',
      'mock: POST off-ramp -> 400 INVALID_USER_INPUT_ERROR (front)',
    ]);
    expect(frontLog.join('\n')).not.toContain(key);
  });
});
