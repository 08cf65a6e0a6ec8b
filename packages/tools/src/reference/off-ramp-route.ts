// The one route, POST /api/partner/v2/off-ramp. Other paths are 404 and other methods 405 with
// `Allow: POST`, both without a body (the spec's conventions, in its description).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { offRampPath } from '@off-ramp/client';
import { sendEmpty } from './send-response.ts';

/**
 * Answers a request outside the route and says what it was answered, with a route label for log
 * lines (never the raw URL, where a client may have put a key); undefined for the route itself.
 */
export function answerOutsideRoute(request: IncomingMessage, response: ServerResponse): { status: number; route: string } | undefined {
  // Stryker disable next-line StringLiteral: Node always gives a request its URL.
  if ((request.url ?? '').split('?')[0] !== offRampPath) {
    sendEmpty(response, 404);
    // Stryker disable next-line ObjectLiteral,StringLiteral: what the log line says of the answer.
    return { status: 404, route: '(unknown path)' };
  }
  if (request.method !== 'POST') {
    sendEmpty(response, 405, { allow: 'POST' });
    // Stryker disable next-line ObjectLiteral,StringLiteral: what the log line says of the answer.
    return { status: 405, route: 'off-ramp' };
  }
  return undefined;
}
