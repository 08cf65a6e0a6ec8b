import { responseValidators } from '../../generated/off-ramp-response-validators.js';
import { redirectMessage, tooLargeMessage } from './client-errors.ts';
import type { CreateOffRampResult, OffRampCreated, OffRampRejected } from './off-ramp-result.ts';
import { offRampFailure, withResponse } from './off-ramp-failure.ts';
import { discardBody, readBoundedText } from './read-bounded-text.ts';
import { isRedirect, redirectTargetOrigin } from './redirect.ts';

const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const validatorOf = (status: number) => (responseValidators as Record<number, (typeof responseValidators)[201] | undefined>)[status];

/** Where the body first departs from the schema, as a JSON Pointer (names only, never values). */
const firstFailingPath = (errors: { instancePath: string }[] | null | undefined) => errors?.[0]?.instancePath || '(the whole body)';

/**
 * Turns the server's answer into a result: the transaction, a catalog error, or a failure for
 * anything outside the contract (a redirect, an undocumented status, an answer over
 * `maxBytes`, a body that is not valid against its status' response schema). Trusts only what it
 * checked. Reading the body can still throw (network, abort); the caller classifies that.
 */
export async function readOffRampResponse(response: Response, requestUrl: string, maxBytes: number): Promise<CreateOffRampResult> {
  const status = response.status;
  if (isRedirect(response)) {
    discardBody(response);
    return offRampFailure('redirect', `${redirectMessage(status, redirectTargetOrigin(response, requestUrl))} The transaction may exist.`, {
      status,
      response,
    });
  }
  const validate = validatorOf(status);
  if (!validate) {
    discardBody(response);
    return offRampFailure('unexpected-status', `The server answered HTTP ${status}, a status this endpoint does not document; the transaction may exist.`, {
      status,
      response,
    });
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!jsonMediaType.test(contentType)) {
    discardBody(response);
    return offRampFailure(
      'invalid-response',
      `The server answered HTTP ${status} with ${contentType ? `content type ${contentType.split(';')[0]}` : 'no content type'}, not JSON.`,
      { status, response },
    );
  }
  const text = await readBoundedText(response, maxBytes);
  if (text === undefined)
    return offRampFailure('response-too-large', `${tooLargeMessage(maxBytes)} HTTP ${status}; the transaction may exist.`, { status, response });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    return offRampFailure('invalid-response', `The server answered HTTP ${status} with a body that is not valid JSON; the transaction may exist.`, {
      status,
      cause,
      response,
    });
  }
  if (!validate(body)) {
    const schema = status === 201 ? 'the OffRampCreatedResponse' : `the HTTP ${status} error`;
    return offRampFailure(
      'invalid-response',
      `The server answered HTTP ${status} with a body that is not valid against ${schema} schema (first at ${firstFailingPath(validate.errors)}); the transaction may exist.`,
      { status, response },
    );
  }
  if (status === 201) return withResponse({ ok: true, status: 201, data: (body as { data: OffRampCreated['data'] }).data } as OffRampCreated, response);
  const { code, message, details } = (body as { error: OffRampRejected['error'] }).error;
  const rejected = { ok: false, status, error: details ? { code, message, details } : { code, message }, source: 'server' } as OffRampRejected;
  return withResponse(rejected, response);
}
