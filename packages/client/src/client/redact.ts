// The key must not leave through a result: a platform error may quote a header, and a hostile
// server may echo the key back in its answer.

const redacted = '[redacted]';
const maxDepth = 8;

/** Whether `value` (a string, an error with its causes, or plain data) contains `secret`. */
export function containsSecret(value: unknown, secret: string, depth = 0, seen = new Set<unknown>()): boolean {
  if (typeof value === 'string') return value.includes(secret);
  if (value === null || typeof value !== 'object' || depth > maxDepth || seen.has(value)) return false;
  seen.add(value);
  const parts: unknown[] = value instanceof Error ? [value.message, value.stack, value.cause, (value as { errors?: unknown }).errors] : [];
  return [...parts, ...Object.values(value)].some((part) => containsSecret(part, secret, depth + 1, seen));
}

/** `cause` as it is, or a plain Error in its place when anything in it contains `secret`. */
export function redactCause(cause: unknown, secret: string): unknown {
  return containsSecret(cause, secret) ? new Error('The underlying error was redacted: it contained the API key.') : cause;
}

/** A copy of JSON data with `secret` replaced in every string; the same value when it has none. */
export function redactStrings<T>(value: T, secret: string): T {
  if (!containsSecret(value, secret)) return value;
  const redact = (part: unknown): unknown => {
    if (typeof part === 'string') return part.replaceAll(secret, redacted);
    if (Array.isArray(part)) return part.map(redact);
    if (part !== null && typeof part === 'object') return Object.fromEntries(Object.entries(part).map(([name, child]) => [name, redact(child)]));
    return part;
  };
  return redact(value) as T;
}
