// The contract run's only door to the server under test. Dredd sends each scenario's request to
// this local gate (127.0.0.1, a free port) instead of the server: the gate adds what Dredd must
// never hold (the partner key of the scenario), sends the request with a deadline and a size cap
// (src/http/bounded-exchange.ts), records the whole answer for the hooks to judge, and hands Dredd
// only the status. So no key can reach Dredd's reporters or errors, no answer can stall, flood or
// crash Dredd, and a redirect is never followed. A runner that judges answers itself (redocly
// respect) gets the answer's status, Content-Type and body instead (`relay: 'answer'`), and never
// a Location to follow.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boundedExchange, type ExchangeLimits, type ExchangeRequest, type ExchangeResult } from '../http/bounded-exchange.ts';

/** The request header by which the hooks tell the gate which scenario a request belongs to. */
export const scenarioHeader = 'x-contract-scenario';

/** What the gate adds to, or changes in, one scenario's request. */
export interface ScenarioTransport {
  /** Headers added to the request, e.g. `partner-api-key`. */
  headers: Record<string, string>;
  /** Send the headers and this many body bytes, then stall (the request-timeout scenario). */
  stallAfterBytes?: number;
  /** This scenario's own deadline, when it must be longer than the run's. */
  deadlineMs?: number;
  /** Bytes sent as the body instead of Dredd's (which are text): a body that is not UTF-8. */
  body?: Buffer;
}

export interface GateRecord {
  result: ExchangeResult;
  /** The request as sent, without the headers the gate added (they may be secret). */
  body: string;
  sentAt: number;
  receivedAt: number;
}

export interface ExchangeGate {
  url: string;
  /** The exchange of a scenario, once Dredd's request for it has been answered. */
  recordOf(scenario: string): GateRecord | undefined;
  /**
   * Starts a scenario's exchange now, before Dredd asks for it (a scenario that waits for the
   * server's own timeout runs beside the others); Dredd's request then gets its result.
   */
  startEarly(scenario: string, request: { path: string; headers: Record<string, string>; body: Buffer }): void;
  close(): Promise<void>;
}

// Headers that belong to the hop between Dredd and the gate, not to the request.
const hopHeaders = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', scenarioHeader]);
// Dredd's own request is small and trusted; this only stops a runaway.
const maxDreddRequestBytes = 8 * 1024 * 1024;

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxDreddRequestBytes) request.destroy(new Error('request from Dredd too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * @param target the server under test (its path, if any, prefixes every request path)
 * @param transportOf what the gate adds to each scenario's request
 */
export async function startExchangeGate(
  target: URL,
  limits: ExchangeLimits,
  transportOf: (scenario: string) => ScenarioTransport,
  relay: 'status' | 'answer' = 'status',
): Promise<ExchangeGate> {
  const records = new Map<string, GateRecord>();
  const early = new Map<string, Promise<GateRecord>>();
  const prefix = target.pathname.replace(/\/+$/, '');

  const exchange = async (scenario: string, path: string, headers: Record<string, string>, dreddBody: Buffer, method = 'POST'): Promise<GateRecord> => {
    const transport = transportOf(scenario);
    const body = transport.body ?? dreddBody;
    const request: ExchangeRequest = {
      url: new URL(prefix + path, target),
      method,
      headers: { ...headers, ...transport.headers, 'content-length': String(body.length) },
      body,
      ...(transport.stallAfterBytes === undefined ? {} : { stallAfterBytes: transport.stallAfterBytes }),
    };
    // A URL's credentials belong to the target (Node sends them as Basic auth); keep them there.
    request.url.username = target.username;
    request.url.password = target.password;
    const sentAt = Date.now();
    const result = await boundedExchange(request, { ...limits, deadlineMs: transport.deadlineMs ?? limits.deadlineMs });
    return { result, body: body.toString('utf8'), sentAt, receivedAt: Date.now() };
  };

  // A large header limit: the oversized-headers scenario must reach the server under test.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, (request, response) => {
    void (async () => {
      const scenario = String(request.headers[scenarioHeader] ?? '');
      const body = await readAll(request);
      const headers = Object.fromEntries(
        Object.entries(request.headers).flatMap(([name, value]) =>
          hopHeaders.has(name) || value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
        ),
      );
      const record = await (early.get(scenario) ?? exchange(scenario, request.url ?? '/', headers, body, request.method));
      records.set(scenario, record);
      const { result } = record;
      if (relay === 'answer' && result.ok) {
        const contentType = result.headers['content-type'];
        response.writeHead(result.status, { 'x-contract-gate': 'answered', ...(contentType ? { 'content-type': contentType } : {}) });
        response.end(result.body);
        return;
      }
      // Dredd judges the status only; the hooks judge the recorded answer.
      response.writeHead(result.ok ? result.status : 502, { 'content-length': 0, 'x-contract-gate': result.ok ? 'answered' : result.kind });
      response.end();
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    recordOf: (scenario) => records.get(scenario),
    startEarly(scenario, request) {
      const started = exchange(scenario, request.path, request.headers, request.body);
      early.set(scenario, started);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
