import type { OffRampError, OffRampErrorCodeOf, OffRampErrorStatus, OffRampTransaction } from '../off-ramp-types.ts';

/** The server created the transaction. */
export interface OffRampCreated {
  ok: true;
  status: 201;
  data: OffRampTransaction;
  error?: undefined;
  failure?: undefined;
  /** The server's response (non-enumerable: logging or serializing a result never prints its headers). */
  response: Response;
}

/**
 * A catalog error: from the server, or from the preflight before anything was sent (`source`).
 * One member per status, so that `status === 401` narrows `error.code` to `'UNAUTHORIZED'`.
 */
export type OffRampRejected = {
  [Status in OffRampErrorStatus]: {
    ok: false;
    status: Status;
    error: OffRampError<OffRampErrorCodeOf<Status>>;
    /** `'preflight'`: found locally, nothing was sent. `'server'`: the server's answer. */
    source: 'preflight' | 'server';
    failure?: undefined;
    /** The server's response (non-enumerable); absent for a preflight rejection. */
    response?: Response;
  };
}[OffRampErrorStatus];

/**
 * Why no catalog answer was obtained. Except for `unserializable-request`, the request may have
 * reached the server: the transaction may exist. Look it up before sending the order again.
 */
export type OffRampFailureKind =
  /** The connection failed or was reset (DNS, refused, TLS, reset while reading). */
  | 'network'
  /** `timeoutMs` elapsed before the whole answer was read. */
  | 'timeout'
  /** The caller's `signal` aborted the call. */
  | 'aborted'
  /** An HTTP status the endpoint does not document (e.g. 500, 502, 429). */
  | 'unexpected-status'
  /** A documented status whose body is not JSON, or not valid against that status' response schema. */
  | 'invalid-response'
  /** A 3xx answer (or a browser's `opaqueredirect`): never followed; the message names the target origin only. */
  | 'redirect'
  /** The answer is larger than `maxResponseBytes` (declared or read); reading stopped there. */
  | 'response-too-large'
  /** The body could not be turned into JSON (only possible with `preflight: false`), or a header of `init.headers` is not a valid HTTP header; nothing was sent. */
  | 'unserializable-request';

/** No catalog answer: a transport problem or an answer outside the contract. */
export interface OffRampFailed {
  ok: false;
  /** The HTTP status when a response arrived, otherwise `undefined`. */
  status: number | undefined;
  error?: undefined;
  failure: {
    kind: OffRampFailureKind;
    /** Written by this client; never contains the API key. */
    message: string;
    /** The underlying platform error, when there is one (replaced by a plain Error if it contained the key). */
    cause?: unknown;
  };
  /** The server's response when one arrived (non-enumerable). */
  response?: Response;
}

/** What `createOffRamp` resolves to; it never rejects. */
export type CreateOffRampResult = OffRampCreated | OffRampRejected | OffRampFailed;
