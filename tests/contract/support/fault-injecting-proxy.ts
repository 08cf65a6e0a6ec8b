// A fault-injecting HTTP proxy for the contract tests: forwards every request to a real server
// (the reference implementation) and breaks the answer to one named scenario in one named way (or
// to a few scenarios, each in its own way), so that a test can require the contract suite to catch
// exactly those deviations.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CheckId } from '../../../packages/tools/src/contract/checks/check-ids.ts';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Fault {
  /** The kind of deviation, e.g. "wrong status". */
  kind: string;
  /** The scenario whose answer is broken; every other answer passes through unchanged. */
  scenario: string;
  /** The check (its id) that must report the deviation, and for a check of several fields, the field. */
  caughtBy: CheckId;
  subject?: string;
  /** The other scenarios whose answers `apply` reads from `earlier` (reading any other throws). */
  reads?: readonly string[];
  /** Breaks the answer; `earlier` holds the answers already sent (as the server sent them), by scenario. */
  apply(answer: Answer, earlier: ReadonlyMap<string, Answer>): Answer;
}

export interface FaultInjectingProxy {
  url: string;
  /** The fault to inject from now on (undefined: pass everything through). */
  setFault(fault: Fault | undefined): void;
  /** Several faults at once, each on a scenario of its own. */
  setFaults(faults: readonly Fault[]): void;
  /** Scenarios whose answer was broken since the last setFault(s). */
  readonly injected: string[];
  close(): Promise<void>;
}

/** `earlier` as one fault may read it: only the scenarios it declares in `reads`. */
function earlierFor(fault: Fault, earlier: ReadonlyMap<string, Answer>): ReadonlyMap<string, Answer> {
  const allowed = new Set(fault.reads ?? []);
  const get = (scenario: string) => {
    if (!allowed.has(scenario)) throw new Error(`fault "${fault.kind}" reads the answer of ${scenario} without declaring it in reads`);
    return earlier.get(scenario);
  };
  return { get } as ReadonlyMap<string, Answer>;
}

const flatHeaders = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]])),
  );

/**
 * Streams the request upstream as it arrives (a stalled request reaches the server stalled, and
 * its own timeout answers it) and resolves with the whole answer.
 */
function forward(upstream: URL, req: IncomingMessage, sent: Buffer[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const upstreamRequest = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    upstreamRequest.on('error', reject);
    req.on('data', (c: Buffer) => {
      sent.push(c);
      upstreamRequest.write(c);
    });
    req.on('end', () => upstreamRequest.end());
  });
}

/**
 * @param scenarioOf names the scenario a request belongs to (from its body and headers).
 */
export async function startFaultInjectingProxy(
  upstream: string,
  scenarioOf: (body: string, headers: Record<string, string | undefined>, method?: string, url?: string) => string | undefined,
): Promise<FaultInjectingProxy> {
  const upstreamUrl = new URL(upstream);
  let faults = new Map<string, Fault>();
  const injected: string[] = [];
  const earlier = new Map<string, Answer>();

  // Large enough for the oversized-headers scenario, which the server behind must answer itself.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const chunks: Buffer[] = [];
    void (async () => {
      try {
        const upstreamAnswer = await forward(upstreamUrl, req, chunks);
        const scenario = scenarioOf(Buffer.concat(chunks).toString('utf8'), flatHeaders(req.headers), req.method, req.url);
        let answer = upstreamAnswer;
        const fault = scenario === undefined ? undefined : faults.get(scenario);
        if (fault && scenario) {
          answer = fault.apply(structuredClone(upstreamAnswer), earlierFor(fault, earlier));
          injected.push(scenario);
        }
        if (scenario) earlier.set(scenario, upstreamAnswer);
        const headers = { ...answer.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        res.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(answer.body)) });
        res.end(answer.body);
      } catch (error) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`fault-injecting proxy: ${(error as Error).message}`);
      }
    })();
  });
  const setFaults = (next: readonly Fault[]) => {
    const byScenario = new Map(next.map((fault) => [fault.scenario, fault]));
    if (byScenario.size < next.length) throw new Error('at most one fault per scenario');
    faults = byScenario;
    injected.length = 0;
    earlier.clear();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFault: (next) => setFaults(next ? [next] : []),
    setFaults,
    injected,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
