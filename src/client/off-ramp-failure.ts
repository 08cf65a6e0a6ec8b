import type { OffRampFailed, OffRampFailureKind } from './off-ramp-result.ts';

/** A failure result. `message` is ours; pass nothing secret into it. */
export function offRampFailure(kind: OffRampFailureKind, message: string, extra: { status?: number; cause?: unknown; response?: Response } = {}): OffRampFailed {
  const failure: OffRampFailed['failure'] = extra.cause === undefined ? { kind, message } : { kind, message, cause: extra.cause };
  const result: OffRampFailed = { ok: false, status: extra.status, failure };
  if (extra.response) result.response = extra.response;
  return result;
}

/** What stopped the exchange: our timeout, the caller's signal, or else the network. */
export function interruptionFailure(cause: unknown, interruption: { timedOut: boolean; callerAborted: boolean }, response?: Response): OffRampFailed {
  const extra = { status: response?.status, cause, response };
  if (interruption.timedOut) return offRampFailure('timeout', 'The off-ramp call timed out before the answer was read; the transaction may exist.', extra);
  if (interruption.callerAborted) return offRampFailure('aborted', 'The off-ramp call was aborted by its signal; the transaction may exist.', extra);
  return offRampFailure('network', 'The off-ramp call failed on the network; the transaction may exist.', extra);
}
