// Starts "the mock": Prism's mock of the bundled spec on an internal free port of 127.0.0.1, and
// in front of it, on the port asked for, the validating front (validating-front.ts) on the
// reference implementation's transport. `npm run mock`, `npm start` and the tests all start this.
import type { LingerLimits } from '../reference/linger-and-close.ts';
import { type CloseOptions, startHttpFront, type LogLine } from '../reference/start-http-front.ts';
import { prismMaxHeaderBytes, startPrism } from './start-prism.ts';
import { createValidatingFront } from './validating-front.ts';

export interface MockOptions {
  /** Port of the front; absent or 0 picks a free one. */
  port?: number;
  /** Host of the front; 127.0.0.1 by default. Prism itself listens on 127.0.0.1 only. */
  host?: string;
  specPath?: string;
  /** Where Prism's log goes: a file (default under dist/prism/), or 'inherit' for this terminal. */
  log?: string | 'inherit';
  /** The front's log lines (route, status, who answered); silent by default. */
  frontLog?: LogLine;
  /** The front's 408 limit; the spec's 10 s by default. */
  requestTimeoutMs?: number;
  linger?: LingerLimits;
  startTimeoutMs?: number;
}

export interface MockServer {
  /** The front's base URL: the mock. */
  url: string;
  /** Prism's own base URL behind the front (for tests that compare the two). */
  prismUrl: string;
  /** Prism's log file, or 'inherit'. */
  log: string;
  /** Stops the front (see HttpFront's close for `force`), then Prism. */
  close(options?: CloseOptions): Promise<void>;
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const prism = await startPrism({
    mode: 'mock',
    ...(options.specPath ? { specPath: options.specPath } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
  });
  const front = createValidatingFront({ prismUrl: prism.url, ...(options.frontLog ? { log: options.frontLog } : {}) });
  const frontServer = await startHttpFront(front.router, {
    label: 'mock',
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    // Prism's limit, so that a named scenario with 20 KB of headers reaches it; the front applies
    // the spec's 16 KiB to every other request itself.
    maxHeaderSize: prismMaxHeaderBytes,
    refuseBeforeContinue: front.refuseBeforeContinue,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.linger ? { linger: options.linger } : {}),
    ...(options.frontLog ? { log: options.frontLog } : {}),
  }).catch(async (error: unknown) => {
    // A port in use: stop Prism too.
    front.close();
    await prism.close();
    throw error;
  });
  return {
    url: frontServer.url,
    prismUrl: prism.url,
    log: prism.log,
    close: async (closeOptions?: CloseOptions) => {
      await frontServer.close(closeOptions);
      front.close();
      await prism.close();
    },
  };
}
