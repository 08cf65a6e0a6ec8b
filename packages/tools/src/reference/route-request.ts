// The HTTP front of the reference implementation: one route, POST /api/partner/v2/off-ramp (see
// off-ramp-route.ts). Log lines name the route, never the raw URL or any header, so that an API
// key can never reach the log, wherever a client put it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiKeyHeader } from '@off-ramp/client';
import { catalogError } from './catalog-errors.ts';
import { decideOffRamp, type OffRampContext } from './decide-off-ramp.ts';
import { answerOutsideRoute } from './off-ramp-route.ts';
import { readJsonBody } from './read-json-body.ts';
import { sendJson } from './send-response.ts';
import type { LogLine, RequestRouter } from './start-http-front.ts';

export function createRequestRouter(context: OffRampContext, log: LogLine): RequestRouter {
  // Stryker disable all: log lines (their wording, labels and timings) are not part of the contract.
  const logAnswer = (method: string, route: string, status: number, code: string | undefined, started: bigint) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log(`reference: ${method} ${route} -> ${status}${code ? ` ${code}` : ''} (${ms.toFixed(1)} ms)`);
  };
  // Stryker restore all

  return (request: IncomingMessage, response: ServerResponse): void => {
    const started = process.hrtime.bigint();
    // Stryker disable next-line all: only log lines read it.
    const method = request.method ?? '';
    const outside = answerOutsideRoute(request, response);
    // Stryker disable next-line ConditionalExpression,BlockStatement: the answer is sent already; only the log line and a write Node drops would follow.
    if (outside) {
      logAnswer(method, outside.route, outside.status, undefined, started);
      return;
    }
    void readJsonBody(request).then((body) => {
      // Gone, or already answered (a 408 for a body that stalled, then arrived after all).
      // Stryker disable next-line all: only a client that has gone, or has its 408 already, gets here.
      if (body.kind === 'aborted' || response.writableEnded) return;
      if (body.kind === 'tooLarge') {
        // 0. Transport: the body is over the limit. The connection closes after the answer, once
        // the client has stopped sending (Node's destroySoon lingers: see linger-and-close.ts).
        const answer = catalogError('PayloadTooLarge');
        // Stryker disable next-line ObjectLiteral,StringLiteral: the suite makes one exchange per connection, so it cannot see the close.
        sendJson(response, answer.status, answer.body, { connection: 'close' });
        // Stryker disable next-line StringLiteral: a log label.
        return logAnswer(method, 'off-ramp', answer.status, answer.body.error.code, started);
      }
      try {
        const answer = decideOffRamp({ apiKey: request.headers[apiKeyHeader], body }, context);
        sendJson(response, answer.status, answer.body);
        // Stryker disable next-line StringLiteral: a log label.
        logAnswer(method, 'off-ramp', answer.status, answer.body.success ? undefined : answer.body.error.code, started);
        // Stryker disable all: no input reaches this branch (the checks are total), so no request can show it.
      } catch (error) {
        // No input may reach this: the checks are total, and tests feed them arbitrary bodies. The
        // catalog has no 5xx row, so a bug drops the connection instead of inventing an answer.
        // The stack names code, not request data.
        log(`reference: internal error, connection dropped: ${error instanceof Error ? error.stack : 'non-Error thrown'}`);
        response.destroy();
      }
      // Stryker restore all
    });
  };
}
