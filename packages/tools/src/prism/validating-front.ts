// The mock's validating front: the router `npm run mock` listens with, before Prism. Prism reads
// the 3.1 request schema as draft-07 (it ignores `unevaluatedProperties`, so an unknown property
// gets a 201) and answers a faulty body with its first 400 example; here every fault that needs no
// server state gets the reference implementation's own answer, from its own code:
//   - a request with `Prefer` (a scenario asked for by name) goes to Prism unchanged, whatever it is;
//   - otherwise headers over 16 KiB are 431, other paths 404 and other methods 405 (as the
//     reference answers them), a body over 64 KiB 413, and steps 1 to 7 of the order of checks
//     without state (decideWithoutState: body, key form, user id, shape, pricing and bank rules);
//   - what passes them goes to Prism, which answers its 201 example.
// Log lines name the route and the status, never the URL or a header.
import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { catalogError, type ErrorAnswer } from '../reference/catalog-errors.ts';
import { decideWithoutState } from '../reference/check-request-in-order.ts';
import { answerOutsideRoute } from '../reference/off-ramp-route.ts';
import { drainLimitBytes, readBodyBytes } from '../reference/read-body-bytes.ts';
import { parseJsonBody } from '../reference/read-json-body.ts';
import { sendJson } from '../reference/send-response.ts';
import { refuseOversizedContinue, type LogLine, type RequestRouter } from '../reference/start-http-front.ts';
import { forwardToPrism } from './forward-to-prism.ts';
import { overHeaderLimit } from './header-bytes.ts';
import { apiKeyHeader, maxRequestBodyBytes, maxRequestHeaderBytes } from '@off-ramp/client';

export interface ValidatingFrontOptions {
  /** Prism's base URL (127.0.0.1, an internal port). */
  prismUrl: string;
  /** The whole exchange with Prism; 10 s by default. */
  forwardTimeoutMs?: number;
  log?: LogLine;
}

export interface ValidatingFront {
  router: RequestRouter;
  /** `Expect: 100-continue`: named scenarios are invited whole; the rest as the reference does. */
  refuseBeforeContinue(request: IncomingMessage): ErrorAnswer | undefined;
  close(): void;
}

/** A scenario asked for by name: Prism's business, whatever the request is. */
const asksForScenario = (request: IncomingMessage): boolean => request.headers.prefer !== undefined;

/** Prism's answers are the spec's examples, a few KiB at most. */
const maxAnswerBytes = 1024 * 1024;

export function createValidatingFront(options: ValidatingFrontOptions): ValidatingFront {
  const log = options.log ?? (() => {});
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const forwardOptions = { prismUrl: options.prismUrl, agent, timeoutMs: options.forwardTimeoutMs ?? 10_000, maxAnswerBytes };
  const logAnswer = (method: string, route: string, status: number, by: string, code?: string) =>
    log(`mock: ${method} ${route} -> ${status}${code ? ` ${code}` : ''} (${by})`);

  const answer = (response: ServerResponse, { status, body }: ErrorAnswer, close = false) =>
    sendJson(response, status, body, close ? { connection: 'close' } : {});
  const forward = async (request: IncomingMessage, response: ServerResponse, bytes: Buffer, route: string) => {
    const status = await forwardToPrism(request, bytes, response, forwardOptions);
    logAnswer(request.method ?? '', route, status, 'Prism');
  };

  const router: RequestRouter = (request, response) => {
    const method = request.method ?? '';
    if (asksForScenario(request)) {
      // Up to the drain limit, so that the oversized-body scenario reaches Prism whole.
      void readBodyBytes(request, drainLimitBytes).then(async (body) => {
        if (body.kind === 'aborted' || response.writableEnded) return;
        if (body.kind === 'tooLarge') {
          answer(response, catalogError('PayloadTooLarge'), true);
          return logAnswer(method, 'named scenario', 413, 'front', 'PAYLOAD_TOO_LARGE');
        }
        await forward(request, response, body.bytes, 'named scenario');
      });
      return;
    }
    // 0. Transport: the front listens with Prism's header limit; the reference's applies here.
    if (overHeaderLimit(request, maxRequestHeaderBytes)) {
      answer(response, catalogError('RequestHeadersTooLarge'), true);
      return logAnswer(method, '(headers too large)', 431, 'front', 'REQUEST_HEADERS_TOO_LARGE');
    }
    const outside = answerOutsideRoute(request, response);
    if (outside) return logAnswer(method, outside.route, outside.status, 'front');
    void readBodyBytes(request, maxRequestBodyBytes).then(async (body) => {
      // Gone, or already answered (a 408 for a body that stalled, then arrived after all).
      if (body.kind === 'aborted' || response.writableEnded) return;
      if (body.kind === 'tooLarge') {
        answer(response, catalogError('PayloadTooLarge'), true);
        return logAnswer(method, 'off-ramp', 413, 'front', 'PAYLOAD_TOO_LARGE');
      }
      let decided: ReturnType<typeof decideWithoutState>;
      try {
        decided = decideWithoutState({ apiKey: request.headers[apiKeyHeader], body: parseJsonBody(request.headers, body.bytes) });
      } catch (error) {
        // As in the reference: the checks are total; a bug drops the connection, naming code only.
        log(`mock: internal error, connection dropped: ${error instanceof Error ? error.stack : 'non-Error thrown'}`);
        return response.destroy();
      }
      if (!decided.ok) {
        answer(response, decided.answer);
        return logAnswer(method, 'off-ramp', decided.answer.status, 'front', decided.answer.body.error.code);
      }
      await forward(request, response, body.bytes, 'off-ramp');
    });
  };

  return {
    router,
    refuseBeforeContinue: (request) => (asksForScenario(request) ? undefined : refuseOversizedContinue(request)),
    close: () => agent.destroy(),
  };
}
