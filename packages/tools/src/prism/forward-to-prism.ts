// Hands a request whose body is already buffered to Prism and relays Prism's answer as it is
// (status, headers except hop-by-hop ones, body). Bounded: one deadline for the whole exchange
// and a cap on the answer; when Prism fails or is late the client gets an empty 502.
import { request as httpRequest, type Agent, type IncomingMessage, type ServerResponse } from 'node:http';

// RFC 9110 section 7.6.1, plus `expect` (the front has already answered it) and `content-length`
// (set again from the bytes actually relayed).
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
]);

/** Raw headers (name, value, name, value, ...) without the hop-by-hop ones, nor those `Connection` names. */
function endToEnd(rawHeaders: readonly string[]): string[] {
  const named = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === 'connection') for (const token of rawHeaders[i + 1]!.split(',')) named.add(token.trim().toLowerCase());
  }
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!hopByHop.has(name) && !named.has(name)) kept.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return kept;
}

export interface ForwardOptions {
  /** Prism's base URL, e.g. `http://127.0.0.1:41234`. */
  prismUrl: string;
  agent: Agent;
  /** The whole exchange with Prism: sending, and its answer in full. */
  timeoutMs: number;
  maxAnswerBytes: number;
}

/** Resolves with the status relayed (502 when Prism failed, 0 when the client was gone). */
export function forwardToPrism(request: IncomingMessage, body: Buffer, response: ServerResponse, options: ForwardOptions): Promise<number> {
  return new Promise((resolve) => {
    const headers = endToEnd(request.rawHeaders);
    if (body.length > 0 || request.headers['content-length'] !== undefined) headers.push('content-length', String(body.length));
    let settled = false;
    const finish = (status: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(status);
    };
    const badGateway = () => {
      upstream.destroy();
      if (response.headersSent || response.destroyed) response.destroy();
      else {
        response.writeHead(502, { 'content-length': 0 });
        response.end();
      }
      finish(502);
    };
    const upstream = httpRequest(new URL(request.url ?? '/', options.prismUrl), { method: request.method, headers, agent: options.agent }, (answer) => {
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxAnswerBytes) badGateway();
        else chunks.push(chunk);
      });
      answer.on('error', badGateway);
      answer.on('end', () => {
        if (settled) return;
        if (response.destroyed) return finish(0);
        const relayed = Buffer.concat(chunks, size);
        const answerHeaders = endToEnd(answer.rawHeaders);
        answerHeaders.push('content-length', String(relayed.length));
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answerHeaders);
        response.end(relayed);
        finish(answer.statusCode ?? 502);
      });
    });
    const deadline = setTimeout(badGateway, options.timeoutMs);
    upstream.on('error', badGateway);
    upstream.end(body);
  });
}
