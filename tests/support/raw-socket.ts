// A raw TCP client for the transport tests: bytes go out exactly as written, when the test says,
// and everything the server sends back is kept with its timing, up to the connection's close.
import { connect, type Socket } from 'node:net';
import { fixtures, offRampPath } from './reference-http.ts';

export interface RawReply {
  /** Every byte the server sent, as text. */
  text: string;
  /** The status of every response on the connection, interim ones (100 Continue) included. */
  statuses: number[];
  /** The last response: status, headers (lower-case names) and its body parsed as JSON. */
  status: number;
  headers: Record<string, string>;
  json: any;
  /** Milliseconds from connecting to the first byte of an answer, and to the connection's close. */
  answeredAfterMs: number | undefined;
  closedAfterMs: number;
  /** The socket error the client saw (ECONNRESET, EPIPE), if any. */
  errorCode: string | undefined;
}

export interface RawConnection {
  socket: Socket;
  /** Resolves when the connection has closed. */
  reply: Promise<RawReply>;
  /** Resolves when the first byte of an answer arrives. */
  answered: Promise<void>;
}

export function parseResponses(text: string): Pick<RawReply, 'statuses' | 'status' | 'headers' | 'json'> {
  const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
  const last = text.lastIndexOf('HTTP/1.1 ');
  const [head = '', payload = ''] = last < 0 ? [] : text.slice(last).split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    json = undefined;
  }
  return { statuses, status: statuses.at(-1) ?? 0, headers, json };
}

/**
 * Opens a connection to the server; `paused` leaves the answer unread until the test resumes it;
 * `halfOpen` keeps the client's side open after the server's FIN (else Node answers it with one).
 */
export function rawConnection(baseUrl: string, options: { paused?: boolean; halfOpen?: boolean } = {}): RawConnection {
  const { hostname, port } = new URL(baseUrl);
  const started = performance.now();
  const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: options.halfOpen ?? false });
  const chunks: Buffer[] = [];
  let answeredAfterMs: number | undefined;
  let errorCode: string | undefined;
  let markAnswered = () => {};
  const answered = new Promise<void>((resolve) => (markAnswered = resolve));
  const onData = (chunk: Buffer) => {
    answeredAfterMs ??= performance.now() - started;
    markAnswered();
    chunks.push(chunk);
  };
  if (options.paused) socket.pause();
  else socket.on('data', onData);
  socket.on('error', (error: Error & { code?: string }) => {
    errorCode ??= error.code ?? error.message;
  });
  const reply = new Promise<RawReply>((resolve) => {
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ text, ...parseResponses(text), answeredAfterMs, closedAfterMs: performance.now() - started, errorCode });
    });
  });
  if (options.paused) {
    const resume = socket.resume.bind(socket);
    socket.resume = () => {
      if (socket.listenerCount('data') === 0) socket.on('data', onData);
      return resume();
    };
  }
  return { socket, reply, answered };
}

/** The head of a JSON POST to the off-ramp path with the valid key, ending in the blank line. */
export function postHead(contentLength: number | undefined, extraHeaders: Record<string, string> = {}): string {
  const headers: Record<string, string> = { host: '127.0.0.1', 'content-type': 'application/json', 'partner-api-key': fixtures.apiKeys.valid, ...extraHeaders };
  if (contentLength !== undefined) headers['content-length'] = String(contentLength);
  return `POST ${offRampPath} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
}

/** Writes and resolves when the bytes were handed to the kernel, or with the error that stopped them. */
export function write(socket: Socket, bytes: string | Buffer): Promise<Error | undefined> {
  return new Promise((resolve) => {
    if (socket.destroyed || !socket.writable) return resolve(new Error('socket closed'));
    socket.write(bytes, (error) => resolve(error ?? undefined));
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
