// Step 0 for what Node's HTTP parser refuses before any handler runs: oversized headers and
// malformed HTTP get the spec's JSON answers, not Node's bare text status, and the server goes on.
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { requestExamples, validatorOf } from '../support/spec.ts';
import { offRampPath, useReferenceServer } from '../support/reference-http.ts';

const server = useReferenceServer();
const body = requestExamples.FiatAmountToMexico!.value;

/** Writes raw bytes on a fresh TCP connection and returns everything the server sends back. */
function rawExchange(bytes: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

function parseRaw(text: string) {
  const [head, payload] = text.split('\r\n\r\n') as [string, string];
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine!.split(' ')[1]), headers, json: JSON.parse(payload) };
}

describe('transport limits and malformed HTTP', () => {
  test('headers over 16 KiB are 431 REQUEST_HEADERS_TOO_LARGE in the spec envelope', async () => {
    const reply = await server.send({ body, headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect([reply.status, reply.json]).toEqual([
      431,
      { success: false, error: { code: 'REQUEST_HEADERS_TOO_LARGE', message: 'Request headers are larger than 16384 bytes' } },
    ]);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(validatorOf('RequestHeadersTooLargeError')(reply.json)).toBe(true);
    expect((await server.send({ body })).status).toBe(201);
  });

  test.each([
    ['a request line that is not HTTP', 'HELLO WORLD\r\n\r\n'],
    ['a header line without a colon', `POST ${offRampPath} HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n`],
    ['a non-numeric Content-Length', `POST ${offRampPath} HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n`],
    ['a control character in a header value', `POST ${offRampPath} HTTP/1.1\r\nHost: x\r\nX-A: b\u0001c\r\n\r\n`],
  ])('%s is 400 INVALID_USER_INPUT_ERROR in the spec envelope', async (_name, bytes) => {
    const reply = parseRaw(await rawExchange(bytes));
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json.error.code).toBe('INVALID_USER_INPUT_ERROR');
    expect(validatorOf('BadRequestError')(reply.json)).toBe(true);
    expect((await server.send({ body })).status).toBe(201);
  });
});
