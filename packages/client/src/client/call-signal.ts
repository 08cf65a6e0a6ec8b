// Timers take at most 2^31 - 1 ms; a longer delay would fire at once.
const maxTimerDelay = 2 ** 31 - 1;

/**
 * The signal of one call: aborts on the caller's `signal` or after `timeoutMs`, and remembers
 * which of the two it was. `done()` clears the timer and the listener.
 */
export function callSignal(callerSignal: AbortSignal | undefined, timeoutMs: number | undefined) {
  const interruption = { timedOut: false, callerAborted: false };
  if (timeoutMs === undefined || timeoutMs === Infinity) {
    // Nothing to combine: the caller's signal (or none) is used as it is, at no cost.
    return {
      signal: callerSignal,
      interruption: () => ({ timedOut: false, callerAborted: callerSignal?.aborted === true }),
      done: () => {},
    };
  }
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal!.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(
    () => {
      interruption.timedOut = true;
      controller.abort(new DOMException(`No complete answer within ${timeoutMs} ms`, 'TimeoutError'));
    },
    Math.min(timeoutMs, maxTimerDelay),
  );
  return {
    signal: controller.signal,
    interruption: () => ({ timedOut: interruption.timedOut, callerAborted: callerSignal?.aborted === true && !interruption.timedOut }),
    done: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
