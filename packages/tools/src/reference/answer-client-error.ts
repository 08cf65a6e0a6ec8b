// The step `transport`, for what never becomes a complete request: Node's HTTP parser rejects oversized headers
// and malformed HTTP before any handler runs, and its request timer cuts off requests that do not
// arrive in time; by default Node answers them with a bare text status (or not at all). Here they
// get the spec's JSON answers instead: 431 REQUEST_HEADERS_TOO_LARGE, 408 REQUEST_TIMEOUT, or 400
// INVALID_USER_INPUT_ERROR for anything else the parser refuses. The connection then lingers
// (see linger-and-close.ts), so that a client still sending reads the answer.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { catalogError, invalidUserInput, type ErrorAnswer } from './catalog-errors.ts';
import { isLingering, lingerAndClose, type LingerLimits } from './linger-and-close.ts';
import { sendJson } from './send-response.ts';

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

export interface ClientErrorContext {
  linger: LingerLimits;
  /** The response of the request in progress on a socket, if its headers arrived. */
  responseOn(socket: Duplex): ServerResponse | undefined;
}

export function createClientErrorHandler(context: ClientErrorContext) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    // Already answered for good: the parser reports what still arrives; the linger closes it.
    if (isLingering(socket)) return;
    // A reset socket has nobody left to answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      const answer = catalogError('RequestTimeout');
      const response = context.responseOn(socket);
      if (response) {
        // The headers arrived and a handler waits for the body: answer through its response (the
        // handler sees it ended), which lingers when Node ends the connection.
        if (!response.headersSent) sendJson(response, answer.status, answer.body, { connection: 'close' });
        else lingerAndClose(socket, context.linger);
        return;
      }
      socket.write(rawResponse(answer));
      lingerAndClose(socket, context.linger);
      return;
    }
    const answer =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? catalogError('RequestHeadersTooLarge')
        : invalidUserInput([{ path: '', message: 'must be a valid HTTP/1.1 request' }]);
    socket.write(rawResponse(answer));
    lingerAndClose(socket, context.linger);
  };
}
