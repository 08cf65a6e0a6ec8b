// Starts the reference implementation: the seeded state behind a plain node:http server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createClientErrorHandler, headerLimitBytes } from './answer-client-error.ts';
import { catalogError } from './catalog-errors.ts';
import { defaultLinger, lingerInsteadOfDestroySoon, type LingerLimits } from './linger-and-close.ts';
import { loadFixtures } from './load-fixtures.ts';
import { bodyLimitBytes } from './read-json-body.ts';
import { createRequestRouter, type LogLine } from './route-request.ts';
import { seedState } from './seed-state.ts';
import { sendJson } from './send-response.ts';
import { createWalletAddressSource } from './wallet-addresses.ts';

/** The spec's limit for a whole request (headers and body) to arrive: its 408 row names it. */
export const defaultRequestTimeoutMs = 10_000;

export interface ReferenceServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. The CLI defaults to 4011. */
  port?: number;
  /** Host to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Fixtures file to seed from; `tests/contract/fixtures.json` by default. */
  fixturesPath?: string;
  /** Receives one line per answered request; silent by default. */
  log?: LogLine;
  /**
   * Milliseconds from a request's first byte until its headers and body must have arrived, else
   * `408 REQUEST_TIMEOUT`; the spec's 10 s by default. Tests use less; the answer's message is the
   * catalog's and names the spec's 10 seconds.
   */
  requestTimeoutMs?: number;
  /** How long a connection is drained after an answer that closes it (see linger-and-close.ts). */
  linger?: LingerLimits;
}

export interface ReferenceServer {
  /** Base URL, e.g. `http://127.0.0.1:4011`. */
  url: string;
  close(): Promise<void>;
}

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const state = seedState(loadFixtures(options.fixturesPath));
  const log = options.log ?? (() => {});
  const router = createRequestRouter({ state, newWalletAddress: createWalletAddressSource(), now: () => new Date() }, log);
  const linger = options.linger ?? defaultLinger;
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
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
      maxHeaderSize: headerLimitBytes,
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
  // Expect: 100-continue: a Content-Length over the limit is 413 at once, without inviting the
  // body; otherwise 100 Continue and the request goes on as any other.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    track(request, response);
    if (Number(request.headers['content-length']) > bodyLimitBytes) {
      const answer = catalogError('PayloadTooLarge');
      sendJson(response, answer.status, answer.body, { connection: 'close' });
      log(`reference: ${request.method ?? ''} (expect 100-continue) -> ${answer.status} ${answer.body.error.code}`);
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
