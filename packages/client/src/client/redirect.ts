// Redirects are never followed: a 3xx would carry the key and the order to whatever host the
// `Location` names. Only the target's origin is ever reported (a path or query may hold secrets).

/** A 3xx, or what a browser gives for one under `redirect: 'manual'` (status 0, no headers). */
export const isRedirect = (response: Response): boolean => response.type === 'opaqueredirect' || (response.status >= 300 && response.status <= 399);

/** Origin of `Location`, resolved against the request URL; undefined when absent or not a URL. */
export function redirectTargetOrigin(response: Response, requestUrl: string): string | undefined {
  const location = response.headers.get('location');
  if (!location) return undefined;
  try {
    const origin = new URL(location, requestUrl).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
