// What `client.api` rejects with when the client refuses an answer. `createOffRamp` never
// rejects: it reports the same cases as failures of kind `redirect` and `response-too-large`.

/** A 3xx answer: never followed, so the key and the order never reach another host. */
export class OffRampRedirectError extends Error {
  /** The redirect status; `0` when a browser hides it (an `opaqueredirect` response). */
  readonly status: number;
  /** Origin of the `Location` target (never its path, query or credentials); undefined when unknown. */
  readonly targetOrigin: string | undefined;
  constructor(status: number, targetOrigin: string | undefined) {
    super(redirectMessage(status, targetOrigin));
    this.name = 'OffRampRedirectError';
    this.status = status;
    this.targetOrigin = targetOrigin;
  }
}

/** An answer larger than `maxResponseBytes`: reading stopped at the limit. */
export class OffRampResponseTooLargeError extends Error {
  readonly maxResponseBytes: number;
  constructor(maxResponseBytes: number) {
    super(tooLargeMessage(maxResponseBytes));
    this.name = 'OffRampResponseTooLargeError';
    this.maxResponseBytes = maxResponseBytes;
  }
}

export const redirectMessage = (status: number, targetOrigin: string | undefined) =>
  `The server answered with a redirect (${status ? `HTTP ${status}` : 'status hidden by the browser'}) to ${targetOrigin ?? 'an unknown origin'}; it was not followed.`;

export const tooLargeMessage = (maxResponseBytes: number) =>
  `The server's answer is larger than maxResponseBytes (${maxResponseBytes} bytes); reading stopped there.`;
