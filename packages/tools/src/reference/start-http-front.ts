// The reference implementation's transport, for any router: node:http with the spec's header limit
// and 10 s request timeout, lingering close, `Expect: 100-continue`, and the spec's JSON answers
// for what never becomes a complete request (431, 408, malformed HTTP). The reference server and
// the mock's validating front (src/prism/) both listen through it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createClientErrorHandler } from './answer-client-error.ts';
import { catalogError, type ErrorAnswer } from './catalog-errors.ts';
import { defaultLinger, lingerInsteadOfDestroySoon, type LingerLimits } from './linger-and-close.ts';
import { sendJson } from './send-response.ts';
import { maxRequestBodyBytes, maxRequestHeaderBytes, requestTimeoutSeconds } from '@off-ramp/client';

/** The spec's limit for a whole request (headers and body) to arrive: its 408 row names it. */
export const defaultRequestTimeoutMs = requestTimeoutSeconds * 1000;

export type RequestRouter = (request: IncomingMessage, response: ServerResponse) => void;
export type LogLine = (line: string) => void;

/** The reference's rule for `Expect: 100-continue`: a Content-Length over the limit is 413 at once. */
export function refuseOversizedContinue(request: IncomingMessage): ErrorAnswer | undefined {
  return Number(request.headers['content-length']) > maxRequestBodyBytes ? catalogError('PayloadTooLarge') : undefined;
}

export interface HttpFrontOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Host to listen on; 127.0.0.1 by default. */
  host?: string;
  /**
   * Milliseconds from a request's first byte until its headers and body must have arrived, else
   * `408 REQUEST_TIMEOUT`; the spec's 10 s by default.
   */
  requestTimeoutMs?: number;
  /** How long a connection is drained after an answer that closes it (see linger-and-close.ts). */
  linger?: LingerLimits;
  /** Node's limit on a request's headers, answered 431; the spec's 16 KiB by default. */
  maxHeaderSize?: number;
  /** `Expect: 100-continue`: the answer that refuses the body, or undefined to invite it. */
  refuseBeforeContinue?: (request: IncomingMessage) => ErrorAnswer | undefined;
  /** Prefix of log lines ('reference', 'mock'). */
  label: string;
  log?: LogLine;
}

export interface CloseOptions {
  /**
   * Cut off the connections still in use too (a request still arriving, an answer not yet sent),
   * instead of waiting for them: what a signal asks for. By default a close waits for them, up to
   * the request timeout for a client that stalls.
   */
  force?: boolean;
}

export interface HttpFront {
  /** Base URL, e.g. `http://127.0.0.1:4011`. */
  url: string;
  close(options?: CloseOptions): Promise<void>;
}

export async function startHttpFront(router: RequestRouter, options: HttpFrontOptions): Promise<HttpFront> {
  const log = options.log ?? (() => {});
  const linger = options.linger ?? defaultLinger;
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const refuseBeforeContinue = options.refuseBeforeContinue ?? refuseOversizedContinue;
  // The response of the request in progress per socket, for the 408 of a body that stalls.
  const inFlight = new WeakMap<Duplex, ServerResponse>();
  const track = (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    inFlight.set(socket, response);
    response.once('close', () => {
      if (inFlight.get(socket) === response) inFlight.delete(socket);
    });
  };
  const server = createServer(
    {
      maxHeaderSize: options.maxHeaderSize ?? maxRequestHeaderBytes,
      // Node checks every connection's request timers at this interval: a stalled request is cut
      // off within a tenth of the limit after it (20 ms at least).
      headersTimeout: requestTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(20, Math.floor(requestTimeoutMs / 10)),
    },
    (request, response) => {
      track(request, response);
      router(request, response);
    },
  );
  server.on('connection', (socket: Socket) => lingerInsteadOfDestroySoon(socket, linger));
  // Expect: 100-continue: a refused body is answered at once, without inviting it; otherwise
  // 100 Continue and the request goes on as any other.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    track(request, response);
    const refusal = refuseBeforeContinue(request);
    if (refusal) {
      sendJson(response, refusal.status, refusal.body, { connection: 'close' });
      log(`${options.label}: ${request.method ?? ''} (expect 100-continue) -> ${refusal.status} ${refusal.body.error.code}`);
      return;
    }
    response.writeContinue();
    router(request, response);
  });
  server.on('clientError', createClientErrorHandler({ linger, responseOn: (socket) => inFlight.get(socket) }));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: ({ force = false }: CloseOptions = {}) =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if (force) server.closeAllConnections();
        else server.closeIdleConnections();
      }),
  };
}
