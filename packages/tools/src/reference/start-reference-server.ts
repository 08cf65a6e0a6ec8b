// Starts the reference implementation: the seeded state behind the reference transport
// (start-http-front.ts) on 127.0.0.1.
import type { LingerLimits } from './linger-and-close.ts';
import { loadFixtures } from './load-fixtures.ts';
import { createRequestRouter } from './route-request.ts';
import { seedState } from './seed-state.ts';
import { startHttpFront, type HttpFront, type LogLine } from './start-http-front.ts';
import { createWalletAddressSource } from './wallet-addresses.ts';

export { defaultRequestTimeoutMs } from './start-http-front.ts';

export interface ReferenceServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. The CLI defaults to 4011. */
  port?: number;
  /** Host to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Fixtures file to seed from; the fixtures file (default: `fixtures/contract-fixtures.json` of this package) by default. */
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

export type ReferenceServer = HttpFront;

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const state = seedState(loadFixtures(options.fixturesPath));
  const router = createRequestRouter({ state, newWalletAddress: createWalletAddressSource(), now: () => new Date() }, options.log ?? (() => {}));
  return startHttpFront(router, { ...options, label: 'reference' });
}
