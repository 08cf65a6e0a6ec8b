// Hostile and broken HTTP servers on 127.0.0.1, for the tests of every tool that talks to a
// server (the client, `client.api`, the contract runner and the fuzz runner) and for their
// benchmark (bench/hostile-servers.ts). Each server answers every request the same hostile way and
// records what it received (headers included), so that a test can check that no partner key
// reached a host it was not meant for. A redirecting server points at a second server on
// 127.0.0.2 (another origin), or at itself (the same origin).
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

export type HostileBehavior =
  /** A redirect to `/api/partner/v2/off-ramp` of another origin (127.0.0.2) or of the same origin. */
  | { kind: 'redirect'; status: RedirectStatus; to: 'other-origin' | 'same-origin' }
  /** `201`, JSON, chunked, and the body never ends. */
  | { kind: 'endless-body' }
  /** `201`, JSON, `Content-Length` of a terabyte, then bytes as fast as the client reads them. */
  | { kind: 'huge-declared-length' }
  /** A valid `401` catalog answer, one byte per `intervalMs`. */
  | { kind: 'trickle'; intervalMs?: number }
  /** Headers of a `201` with a `Content-Length`, half of the body, then the connection is destroyed. */
  | { kind: 'close-mid-body' }
  /** `400` with a plain-text body. */
  | { kind: 'not-json' }
  /** `502` with an HTML error page of `bytes` bytes. */
  | { kind: 'large-html'; bytes: number }
  /** `400` with HTML nested `depth` elements deep (quadratic for naive pretty-printers). */
  | { kind: 'nested-html'; depth: number }
  /** `400`, JSON, whose strings try to break report files (CDATA end, XML tags, control characters). */
  | { kind: 'report-injection' }
  /** `400`, JSON, echoing the received `partner-api-key` in a header and in the body. */
  | { kind: 'echo-key' }
  /** Accepts the connection and the request, and never answers. */
  | { kind: 'never-answers' };

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface RecordingServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export interface HostileServer extends RecordingServer {
  /** The other origin a redirect points to (127.0.0.2), when the behavior is `redirect`. */
  redirectTarget?: RecordingServer;
}

/** What a report must never contain verbatim: it would end a CDATA section or add a test case. */
export const reportInjection = ']]></system-out></testcase><testcase name="Injected" classname="fake"/><![CDATA[';

// The body a fooled client would take for a created transaction.
const fakeCreated = JSON.stringify({ success: true, data: {} });
const unauthorized = JSON.stringify({ success: false, error: { code: 'UNAUTHORIZED', message: 'API Key is missing' } });
const offRampPath = '/api/partner/v2/off-ramp';

async function listen(server: Server, host: string): Promise<string> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  server.on('close', () => {
    for (const socket of sockets) socket.destroy();
  });
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

function recording(handler: (response: ServerResponse, headers: IncomingHttpHeaders) => void) {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume();
    request.on('end', () => handler(response, request.headers));
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, received, close };
}

/** A server on another origin that answers every request with a fake "created" answer and records it. */
export async function startRecordingServer(host = '127.0.0.2'): Promise<RecordingServer> {
  const { server, received, close } = recording((response) => response.writeHead(201, { 'content-type': 'application/json' }).end(fakeCreated));
  return { url: await listen(server, host), received, close };
}

/** Writes `chunk` again and again, as fast as the peer reads, until the connection goes. */
function writeForever(response: ServerResponse, chunk: string): void {
  const pump = () => {
    while (!response.destroyed && response.write(chunk));
    if (!response.destroyed) response.once('drain', pump);
  };
  response.on('error', () => undefined);
  pump();
}

function nestedHtml(depth: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}Bad gateway${'</div>'.repeat(depth)}</body></html>`;
}

export async function startHostileServer(behavior: HostileBehavior): Promise<HostileServer> {
  const redirectTarget = behavior.kind === 'redirect' && behavior.to === 'other-origin' ? await startRecordingServer() : undefined;
  let ownUrl = '';
  const { server, received, close } = recording((response, headers) => {
    switch (behavior.kind) {
      case 'redirect': {
        const location = `${redirectTarget ? redirectTarget.url : ownUrl}${offRampPath}${redirectTarget ? '' : '?again'}`;
        response.writeHead(behavior.status, { location, 'content-length': 0 }).end();
        return;
      }
      case 'endless-body':
        response.writeHead(201, { 'content-type': 'application/json' });
        response.write('{"success":true,"data":{"id":"');
        return writeForever(response, 'a'.repeat(64 * 1024));
      case 'huge-declared-length':
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': String(10 ** 12) });
        response.write('{"success":true,"data":{"id":"');
        return writeForever(response, 'a'.repeat(64 * 1024));
      case 'trickle': {
        response.writeHead(401, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(unauthorized) });
        let sent = 0;
        const timer = setInterval(() => {
          if (response.destroyed || sent >= unauthorized.length) {
            clearInterval(timer);
            if (!response.destroyed) response.end();
            return;
          }
          response.write(unauthorized[sent++]!);
        }, behavior.intervalMs ?? 1000);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'close-mid-body':
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fakeCreated) });
        response.write(fakeCreated.slice(0, 10), () => response.socket?.destroy());
        return;
      case 'not-json':
        response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request');
        return;
      case 'large-html': {
        const filler = '<p>upstream error</p>\n';
        const html = `<!doctype html><html><body>${filler.repeat(Math.ceil(behavior.bytes / filler.length))}</body></html>`;
        response.writeHead(502, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      case 'nested-html':
        response.writeHead(400, { 'content-type': 'text/html' }).end(nestedHtml(behavior.depth));
        return;
      case 'report-injection': {
        const message = `${reportInjection} \u0000\u0001\u001b[31m\u0007 </failure> & <`;
        const body = { success: false, error: { code: `BAD_REQUEST${reportInjection}`, message } };
        response.writeHead(400, { 'content-type': 'application/json', 'x-note': ']]>' }).end(JSON.stringify(body));
        return;
      }
      case 'echo-key': {
        const key = String(headers['partner-api-key'] ?? '');
        const body = { success: false, error: { code: 'BAD_REQUEST', message: `Your key ${key} is not welcome`, details: [{ path: '', message: key }] } };
        response.writeHead(400, { 'content-type': 'application/json', 'x-your-key': key }).end(JSON.stringify(body));
        return;
      }
      case 'never-answers':
        return;
    }
  });
  ownUrl = await listen(server, '127.0.0.1');
  return {
    url: ownUrl,
    received,
    ...(redirectTarget ? { redirectTarget } : {}),
    close: async () => {
      await close();
      await redirectTarget?.close();
    },
  };
}

/** Every hostile behavior the tools are tested against, named for test tables. */
export const hostileBehaviors: [string, HostileBehavior][] = [
  ...([301, 302, 303, 307, 308] as const).flatMap((status): [string, HostileBehavior][] => [
    [`redirect ${status} to another origin`, { kind: 'redirect', status, to: 'other-origin' }],
    [`redirect ${status} to the same origin`, { kind: 'redirect', status, to: 'same-origin' }],
  ]),
  ['an endless body', { kind: 'endless-body' }],
  ['a huge declared length', { kind: 'huge-declared-length' }],
  ['a trickle of one byte a second', { kind: 'trickle' }],
  ['a close mid-body', { kind: 'close-mid-body' }],
  ['a body that is not JSON', { kind: 'not-json' }],
  ['a 256 KB HTML page', { kind: 'large-html', bytes: 256 * 1024 }],
  ['deeply nested HTML', { kind: 'nested-html', depth: 20_000 }],
  ['report-injection strings', { kind: 'report-injection' }],
  ['an answer that echoes the key', { kind: 'echo-key' }],
  ['a server that never answers', { kind: 'never-answers' }],
];
