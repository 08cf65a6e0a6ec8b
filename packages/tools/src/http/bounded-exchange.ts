// One HTTP exchange with a server that may be hostile, for the tools (contract and fuzz runners):
// a wall-clock deadline for the whole exchange (connecting, sending, headers and body), a cap on
// the answer's size, a fresh connection each time, and no redirect ever followed (node:http never
// follows one: a 3xx is returned as it is, for the caller to judge). Whatever happens, it resolves
// within the deadline, holds at most the cap in memory, and never throws.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface ExchangeRequest {
  url: URL;
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
  /** Send the headers and this many bytes of the body, then nothing more (a stalled client). */
  stallAfterBytes?: number;
}

export interface ExchangeLimits {
  /** Deadline of the whole exchange, from the first byte sent to the last byte of the answer. */
  deadlineMs: number;
  /** Largest answer body kept; a longer one fails the exchange. */
  maxResponseBytes: number;
}

/** The limits every runner (contract, respect, fuzz) uses unless told otherwise: 10 s, 1 MiB. */
export const defaultExchangeLimits: ExchangeLimits = { deadlineMs: 10_000, maxResponseBytes: 1024 * 1024 };

export type ExchangeFailureKind =
  /** No connection, or it failed before an answer began (refused, reset, DNS, TLS). */
  | 'network'
  /** The deadline passed before the whole answer arrived. */
  | 'timeout'
  /** The answer is (or says it is) larger than the cap. */
  | 'too-large'
  /** The connection ended before the body the answer announced. */
  | 'incomplete';

export interface ExchangeAnswer {
  ok: true;
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  durationMs: number;
}

export interface ExchangeFailure {
  ok: false;
  kind: ExchangeFailureKind;
  /** For people; names no header value. */
  message: string;
  /** The status, when the answer began. */
  status?: number;
  durationMs: number;
}

export type ExchangeResult = ExchangeAnswer | ExchangeFailure;

const flatHeaders = (response: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(response.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]])),
  );

/** Performs one exchange within `limits`; resolves with the answer or a failure, never rejects. */
export function boundedExchange(request: ExchangeRequest, limits: ExchangeLimits): Promise<ExchangeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<ExchangeResult>((resolve) => {
    let settled = false;
    let status: number | undefined;
    const settle = (result: ExchangeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outgoing.destroy();
      resolve(result);
    };
    const fail = (kind: ExchangeFailureKind, message: string) =>
      settle({ ok: false, kind, message, ...(status === undefined ? {} : { status }), durationMs: elapsed() });

    const send = request.url.protocol === 'https:' ? httpsRequest : httpRequest;
    let outgoing: ReturnType<typeof send>;
    try {
      outgoing = send(request.url, { method: request.method, headers: request.headers, agent: false });
    } catch (error) {
      // An invalid header name or value: Node's message names the header, never its value.
      resolve({
        ok: false,
        kind: 'network',
        message: `the request could not be sent (${(error as NodeJS.ErrnoException).code ?? 'invalid request'})`,
        durationMs: elapsed(),
      });
      return;
    }
    const deadline = setTimeout(() => fail('timeout', `no complete answer within ${limits.deadlineMs} ms`), limits.deadlineMs);

    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (status === undefined) fail('network', `the request failed before an answer began (${error.code ?? error.message})`);
      else fail('incomplete', `the connection failed during the answer (${error.code ?? error.message})`);
    });
    outgoing.on('response', (response) => {
      status = response.statusCode ?? 0;
      const declared = Number(response.headers['content-length']);
      if (declared > limits.maxResponseBytes)
        return fail('too-large', `the answer declares ${declared} bytes, more than the cap of ${limits.maxResponseBytes}`);
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxResponseBytes) return fail('too-large', `the answer is longer than the cap of ${limits.maxResponseBytes} bytes`);
        chunks.push(chunk);
      });
      response.on('error', () => fail('incomplete', 'the connection failed during the answer'));
      response.on('aborted', () => fail('incomplete', 'the connection closed before the answer ended'));
      response.on('close', () => {
        if (!response.complete) fail('incomplete', 'the connection closed before the answer ended');
      });
      response.on('end', () => {
        if (!response.complete) return fail('incomplete', 'the connection closed before the answer ended');
        settle({ ok: true, status: status!, headers: flatHeaders(response), body: Buffer.concat(chunks, size), durationMs: elapsed() });
      });
    });

    if (request.stallAfterBytes === undefined) outgoing.end(request.body);
    else outgoing.write(request.body.subarray(0, request.stallAfterBytes));
  });
}
