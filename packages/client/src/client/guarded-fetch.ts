// The `fetch` given to openapi-fetch for `client.api`: the same limits as `createOffRamp`, as
// rejections, since openapi-fetch has no failure results. Never follows a redirect (whatever
// the caller's init says), bounds the answer's size and, by default, its time.
import { callSignal } from './call-signal.ts';
import { OffRampRedirectError, OffRampResponseTooLargeError } from './client-errors.ts';
import { declaredLength, discardBody } from './read-bounded-text.ts';
import { isRedirect, redirectTargetOrigin } from './redirect.ts';

export interface GuardedFetchLimits {
  timeoutMs: number;
  maxResponseBytes: number;
  /** Never reported: a `Location` that holds it gives an unknown target origin. */
  apiKey: string;
}

export function guardedFetch(fetchImpl: typeof globalThis.fetch, limits: GuardedFetchLimits): typeof globalThis.fetch {
  return async (input, init) => {
    const requestUrl = input instanceof Request ? input.url : String(input);
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const call = callSignal(callerSignal ?? undefined, limits.timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(input, { ...init, signal: call.signal ?? null, redirect: 'manual' });
    } catch (error) {
      call.done();
      throw error;
    }
    if (isRedirect(response)) {
      call.done();
      discardBody(response);
      const targetOrigin = redirectTargetOrigin(response, requestUrl);
      throw new OffRampRedirectError(response.status, targetOrigin?.includes(limits.apiKey) ? undefined : targetOrigin);
    }
    if (declaredLength(response) > limits.maxResponseBytes) {
      call.done();
      discardBody(response);
      throw new OffRampResponseTooLargeError(limits.maxResponseBytes);
    }
    if (!response.body) {
      call.done();
      return response;
    }
    return withBoundedBody(response, limits.maxResponseBytes, call.done);
  };
}

/** The same response with a body that errors past `maxBytes` (and cancels the rest); `done` once it ends. */
function withBoundedBody(response: Response, maxBytes: number, done: () => void): Response {
  const reader = response.body!.getReader();
  let bytes = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          done();
          return controller.close();
        }
        bytes += value.byteLength;
        if (bytes > maxBytes) {
          done();
          reader.cancel().catch(() => {});
          return controller.error(new OffRampResponseTooLargeError(maxBytes));
        }
        controller.enqueue(value);
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
  const bounded = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // A constructed Response has no URL; keep the server's, as openapi-fetch callers may read it.
  Object.defineProperty(bounded, 'url', { value: response.url });
  return bounded;
}
