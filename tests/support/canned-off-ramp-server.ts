// A real HTTP server on 127.0.0.1 (random port) that answers each request with a canned answer
// chosen by the test through the `x-scenario` request header, and records what it received.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Writes the answer of one scenario; `undefined` when the name is unknown. */
export type CannedAnswers = Record<string, (response: ServerResponse) => void>;

export const json = (status: number, body: unknown) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(typeof body === 'string' ? body : JSON.stringify(body));
};

export async function startCannedServer(answers: CannedAnswers) {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const answer = answers[String(request.headers['x-scenario'])];
      if (answer) answer(response);
      else response.writeHead(599).end(`no canned answer named ${String(request.headers['x-scenario'])}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
