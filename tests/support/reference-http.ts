// Shared by the reference and mock tests: a started reference server per test file and a raw HTTP
// client (node:http, so that headers and bytes go out exactly as written).
import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { fixtureAt, type Fixtures } from '../../packages/tools/src/contract/fixtures.ts';
import type { Scenario } from '../../packages/tools/src/contract/scenarios.ts';
import { loadFixtures, type ContractFixtures } from '../../packages/tools/src/reference/load-fixtures.ts';
import { startReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../packages/tools/src/reference/start-reference-server.ts';
import { offRampPath } from '../../packages/client/generated/protocol.ts';

export { offRampPath };
export const fixtures: ContractFixtures = loadFixtures();

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface Outgoing {
  method?: string;
  path?: string;
  /** Header name -> value; `undefined` leaves the header out. */
  headers?: Record<string, string | undefined>;
  /** Sent as JSON text unless `raw` is given. */
  body?: unknown;
  raw?: string | Buffer;
}

const agent = new Agent({ keepAlive: true });

/** Sends one request; by default a JSON POST to the off-ramp path with the valid fixture key. */
export function send(baseUrl: string, outgoing: Outgoing): Promise<Reply> {
  const payload = outgoing.raw ?? (outgoing.body === undefined ? undefined : JSON.stringify(outgoing.body));
  const headers: Record<string, string> = {};
  const wanted = { 'content-type': 'application/json', 'partner-api-key': fixtures.apiKeys.valid, ...outgoing.headers };
  for (const [name, value] of Object.entries(wanted)) if (value !== undefined) headers[name] = value;
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(outgoing.path ?? offRampPath, baseUrl), { method: outgoing.method ?? 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Starts a reference server for the calling test file and stops it afterwards. */
/**
 * A request timeout for reference servers that full contract runs talk to: the stalled-request
 * scenario is answered `408` after 1 s instead of the spec's 10 s (the message still names 10).
 */
export const shortRequestTimeoutMs = 1000;

export function useReferenceServer(options: ReferenceServerOptions = {}): { readonly url: string; send(outgoing: Outgoing): Promise<Reply> } {
  let server: ReferenceServer | undefined;
  beforeAll(async () => {
    server = await startReferenceServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    send: (outgoing) => send(server!.url, outgoing),
  };
}

/** The key a scenario sends (the fixture its workflow names), or undefined for none. */
export function keyOfScenario(scenario: Pick<Scenario, 'apiKeyFixture'>): string | undefined {
  return scenario.apiKeyFixture === null ? undefined : String(fixtureAt(fixtures as unknown as Fixtures, scenario.apiKeyFixture));
}
