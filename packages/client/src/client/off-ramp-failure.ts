import type { CreateOffRampResult, OffRampFailed, OffRampFailureKind } from './off-ramp-result.ts';

/**
 * Puts the server's response on a result as a non-enumerable property: still `result.response`,
 * but `console.log`, `util.inspect` and `JSON.stringify` of a result never print its headers
 * (a hostile server may echo the key there).
 */
export function withResponse<T extends CreateOffRampResult>(result: T, response: Response | undefined): T {
  if (response) Object.defineProperty(result, 'response', { value: response, enumerable: false, configurable: true, writable: true });
  return result;
}

/** A failure result. `message` is ours; pass nothing secret into it. */
export function offRampFailure(
  kind: OffRampFailureKind,
  message: string,
  extra: { status?: number; cause?: unknown; response?: Response } = {},
): OffRampFailed {
  const failure: OffRampFailed['failure'] = extra.cause === undefined ? { kind, message } : { kind, message, cause: extra.cause };
  return withResponse({ ok: false, status: extra.status, failure } as OffRampFailed, extra.response);
}

/** What stopped the exchange: our timeout, the caller's signal, or else the network. */
export function interruptionFailure(cause: unknown, interruption: { timedOut: boolean; callerAborted: boolean }, response?: Response): OffRampFailed {
  const extra = { status: response?.status, cause, response };
  if (interruption.timedOut) return offRampFailure('timeout', 'The off-ramp call timed out before the answer was read; the transaction may exist.', extra);
  if (interruption.callerAborted) return offRampFailure('aborted', 'The off-ramp call was aborted by its signal; the transaction may exist.', extra);
  return offRampFailure('network', 'The off-ramp call failed on the network; the transaction may exist.', extra);
}
