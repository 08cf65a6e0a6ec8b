// Step 0 for what never becomes a request: Node's HTTP parser rejects oversized headers and
// malformed HTTP before any handler runs, and by default answers them with a bare text status.
// Here they get the spec's JSON answers instead: 431 REQUEST_HEADERS_TOO_LARGE, or 400
// INVALID_USER_INPUT_ERROR for anything else the parser refuses.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { catalogError, invalidUserInput, type ErrorAnswer } from './catalog-errors.ts';

/** Node's maximum size of a request's headers (its `--max-http-header-size` default). */
export const headerLimitBytes = 16 * 1024;

function rawResponse({ status, body }: ErrorAnswer): string {
  const text = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Connection: close',
    '',
    text,
  ].join('\r\n');
}

export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A reset or timed-out socket has nobody left to answer.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = error.code === 'HPE_HEADER_OVERFLOW' ? catalogError('RequestHeadersTooLarge') : invalidUserInput([{ path: '', message: 'must be a valid HTTP/1.1 request' }]);
  socket.end(rawResponse(answer));
}
