import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/schema.ts';
import type { OffRampRequest } from '../off-ramp-types.ts';
import { validateOffRampRequest } from '../preflight/validate-off-ramp-request.ts';
import { callSignal } from './call-signal.ts';
import { guardedFetch } from './guarded-fetch.ts';
import { invalidHeaderName, isValidApiKey, quotedHeaderName } from './header-checks.ts';
import { interruptionFailure, offRampFailure } from './off-ramp-failure.ts';
import type { CreateOffRampResult, OffRampRejected } from './off-ramp-result.ts';
import { readOffRampResponse } from './read-off-ramp-response.ts';
import { redactCause, redactStrings } from './redact.ts';
import { apiKeyHeader, offRampPath } from '../../generated/protocol.ts';

/** Default time limit of a call: a server that never answers must not hold the caller forever. */
export const defaultTimeoutMs = 30_000;
/** Default size limit of an answer (1 MiB); a created transaction is about 1 kB. */
export const defaultMaxResponseBytes = 1_048_576;

export interface OffRampClientOptions {
  /** Origin (and optional path prefix) of the API, e.g. `https://api.example.com`. */
  baseUrl: string;
  /** The partner's API key, sent as `partner-api-key`: visible ASCII only. Never put it in a browser bundle. */
  apiKey: string;
  /** A `fetch` to use instead of `globalThis.fetch` (a proxy agent, instrumentation, tests). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request (they cannot replace `partner-api-key`). */
  headers?: Record<string, string>;
  /** Default time limit of a call in milliseconds, covering the whole answer; 30 000 by default, `Infinity` for none. */
  timeoutMs?: number;
  /** Default size limit of an answer in bytes; 1 MiB (1 048 576) by default. */
  maxResponseBytes?: number;
}

export interface CreateOffRampInit {
  /** Aborts the call; the result is then a failure of kind `aborted`. */
  signal?: AbortSignal;
  /** Time limit of this call in milliseconds (overrides the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Size limit of this call's answer in bytes (overrides the client's `maxResponseBytes`). */
  maxResponseBytes?: number;
  /** `false` sends the body without the local check (e.g. to test the server's own answers). */
  preflight?: boolean;
  /** Extra headers for this call (they cannot replace `partner-api-key`). */
  headers?: Record<string, string>;
}

export interface OffRampClient {
  /**
   * Creates an off-ramp transaction. Checks the body locally first (the preflight), then sends it
   * once: never retried, since a repeated POST could pay out twice. Never rejects.
   */
  createOffRamp(body: OffRampRequest, init?: CreateOffRampInit): Promise<CreateOffRampResult>;
  /**
   * The typed openapi-fetch client with the same base URL, key and `fetch`, for full control.
   * Never follows a redirect (rejects with `OffRampRedirectError`), rejects an answer over
   * `maxResponseBytes` with `OffRampResponseTooLargeError`, and applies the client's `timeoutMs`.
   */
  readonly api: Client<paths>;
}

// Header names are case-insensitive: lower-case them, so that ours replace a caller's
// `Partner-Api-Key` or `Content-Type` instead of being sent beside it.
const lowerCaseNames = (headers: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const isPositive = (value: unknown) => typeof value === 'number' && value > 0;

const urlWithCredentials = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

/** Creates the off-ramp client. Throws a `TypeError` only for invalid options (never quoting the key or a header value). */
export function createOffRampClient(options: OffRampClientOptions): OffRampClient {
  const { baseUrl, apiKey, headers: extraHeaders, timeoutMs = defaultTimeoutMs, maxResponseBytes = defaultMaxResponseBytes } = options;
  if (typeof baseUrl !== 'string') throw new TypeError('createOffRampClient: baseUrl must be a string');
  // fetch refuses a URL with credentials, and its error quotes the URL, password included.
  if (urlWithCredentials.test(baseUrl))
    throw new TypeError('createOffRampClient: baseUrl must not contain a user name or password (the partner key is the credential)');
  if (typeof apiKey !== 'string' || apiKey.length === 0) throw new TypeError('createOffRampClient: apiKey must be a non-empty string');
  if (!isValidApiKey(apiKey))
    throw new TypeError(
      'createOffRampClient: apiKey is not a valid header value: only visible ASCII characters (0x21-0x7E) are allowed, so no space or line break; a trailing newline (from a file or an environment variable) is the likely cause',
    );
  const invalidName = extraHeaders === undefined ? undefined : invalidHeaderName(extraHeaders);
  if (invalidName !== undefined)
    throw new TypeError(
      `createOffRampClient: the header ${quotedHeaderName(redactStrings(invalidName, apiKey))} of the headers option has an invalid name or value`,
    );
  if (!isPositive(timeoutMs)) throw new TypeError('createOffRampClient: timeoutMs must be a positive number of milliseconds (Infinity: none)');
  if (!isPositive(maxResponseBytes)) throw new TypeError('createOffRampClient: maxResponseBytes must be a positive number of bytes');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('createOffRampClient: no fetch function: pass one as the fetch option');
  const url = baseUrl.replace(/\/+$/, '') + offRampPath;
  // Built once: per call only the body changes. Plain objects, because `new Request(...)` and
  // `new Headers(...)` per call are what makes a generic client slower than raw fetch.
  const headers: Record<string, string> = {
    ...lowerCaseNames(extraHeaders),
    accept: 'application/json',
    'content-type': 'application/json',
    [apiKeyHeader]: apiKey,
  };

  async function send(body: OffRampRequest, init: CreateOffRampInit): Promise<CreateOffRampResult> {
    if (init.preflight !== false) {
      const checked = validateOffRampRequest(body);
      if (!checked.ok) {
        const { status, ...error } = checked.error;
        return { ok: false, status, error, source: 'preflight' } as OffRampRejected;
      }
    }
    const badHeader = init.headers ? invalidHeaderName(init.headers) : undefined;
    if (badHeader !== undefined)
      return offRampFailure(
        'unserializable-request',
        `The header ${quotedHeaderName(badHeader)} of init.headers has an invalid name or value; nothing was sent.`,
      );
    let json: string;
    try {
      json = JSON.stringify(body);
    } catch (cause) {
      return offRampFailure('unserializable-request', 'The request body cannot be serialized as JSON; nothing was sent.', { cause });
    }
    const call = callSignal(init.signal, init.timeoutMs ?? timeoutMs);
    let response: Response | undefined;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: init.headers ? { ...lowerCaseNames(init.headers), ...headers } : headers,
        body: json,
        signal: call.signal,
        redirect: 'manual',
      });
      return await readOffRampResponse(response, url, init.maxResponseBytes ?? maxResponseBytes);
    } catch (cause) {
      return interruptionFailure(cause, call.interruption(), response);
    } finally {
      call.done();
    }
  }

  // The one exit of every result: whatever a platform error or the server put in it, the key does not leave.
  async function createOffRamp(body: OffRampRequest, init: CreateOffRampInit = {}): Promise<CreateOffRampResult> {
    const result = await send(body, init);
    if (result.failure) {
      const { kind, message, cause } = result.failure;
      const safe = { kind, message: redactStrings(message, apiKey) } as typeof result.failure;
      if (cause !== undefined) safe.cause = redactCause(cause, apiKey);
      result.failure = safe;
    } else if (!result.ok) {
      result.error = redactStrings(result.error, apiKey);
    } else {
      result.data = redactStrings(result.data, apiKey);
    }
    return result;
  }

  const api = createClient<paths>({
    baseUrl,
    fetch: guardedFetch(fetchImpl, { timeoutMs, maxResponseBytes, apiKey }),
    headers: { ...lowerCaseNames(extraHeaders), [apiKeyHeader]: apiKey },
  });
  return { createOffRamp, api };
}
