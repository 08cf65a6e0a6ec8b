// Starts the reference implementation: the seeded state behind a plain node:http server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError, headerLimitBytes } from './answer-client-error.ts';
import { loadFixtures } from './load-fixtures.ts';
import { createRequestRouter, type LogLine } from './route-request.ts';
import { seedState } from './seed-state.ts';
import { createWalletAddressSource } from './wallet-addresses.ts';

export interface ReferenceServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. The CLI defaults to 4011. */
  port?: number;
  /** Host to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Fixtures file to seed from; `tests/contract/fixtures.json` by default. */
  fixturesPath?: string;
  /** Receives one line per answered request; silent by default. */
  log?: LogLine;
}

export interface ReferenceServer {
  /** Base URL, e.g. `http://127.0.0.1:4011`. */
  url: string;
  close(): Promise<void>;
}

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const state = seedState(loadFixtures(options.fixturesPath));
  const router = createRequestRouter({ state, newWalletAddress: createWalletAddressSource(), now: () => new Date() }, options.log ?? (() => {}));
  const server = createServer({ maxHeaderSize: headerLimitBytes }, router);
  server.on('clientError', answerClientError);
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
