import { errorCatalog } from '../../generated/error-catalog.ts';
import type { CreateOffRampResult, OffRampRejected } from './off-ramp-result.ts';
import { offRampFailure } from './off-ramp-failure.ts';

// "400 BAD_REQUEST", ...: the (status, code) pairs the catalog allows.
const catalogPairs = new Set<string>(errorCatalog.map((row) => `${row.status} ${row.code}`));
const documentedStatuses = new Set<number>([201, ...errorCatalog.map((row) => row.status)]);
const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function discardBody(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/**
 * Turns the server's answer into a result: the transaction, a catalog error, or a failure for
 * anything outside the contract (an undocumented status, a body that is not JSON or not the
 * documented envelope). Never invents a catalog code. Reading the body can still throw (network,
 * abort); the caller classifies that.
 */
export async function readOffRampResponse(response: Response): Promise<CreateOffRampResult> {
  const status = response.status;
  if (!documentedStatuses.has(status)) {
    discardBody(response);
    return offRampFailure('unexpected-status', `The server answered HTTP ${status}, a status this endpoint does not document; the transaction may exist.`, { status, response });
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!jsonMediaType.test(contentType)) {
    discardBody(response);
    return offRampFailure('invalid-response', `The server answered HTTP ${status} with ${contentType ? `content type ${contentType.split(';')[0]}` : 'no content type'}, not JSON.`, { status, response });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    return offRampFailure('invalid-response', `The server answered HTTP ${status} with a body that is not valid JSON.`, { status, cause, response });
  }
  if (!isObject(body)) return offRampFailure('invalid-response', `The server answered HTTP ${status} with JSON that is not an object.`, { status, response });

  if (status === 201) {
    if (body.success === true && isObject(body.data)) return { ok: true, status: 201, data: body.data as never, response };
    return offRampFailure('invalid-response', 'The server answered HTTP 201 without the success envelope; the transaction may exist.', { status, response });
  }
  const error = body.error;
  if (body.success === false && isObject(error) && typeof error.code === 'string' && typeof error.message === 'string' && catalogPairs.has(`${status} ${error.code}`)) {
    const rejected = { ok: false, status, error: { code: error.code, message: error.message }, source: 'server', response } as OffRampRejected;
    if (Array.isArray(error.details)) rejected.error.details = error.details;
    return rejected;
  }
  return offRampFailure('invalid-response', `The server answered HTTP ${status} without an error of the catalog for that status.`, { status, response });
}
