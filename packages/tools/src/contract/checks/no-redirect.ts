// The endpoint answers itself: a 3xx would send the partner key and the order elsewhere, so the
// tools never follow one, and the suite names where it pointed (the origin only: a Location's
// path and query are the server's, and may carry anything).
import type { Deviation } from './deviation.ts';

/** The origin a Location points to, resolved against the request URL; `unknown` when unreadable. */
export function redirectOrigin(location: string | undefined, requestUrl: string | undefined): string {
  if (!location) return 'no Location header';
  try {
    return new URL(location, requestUrl).origin;
  } catch {
    return 'an unreadable Location';
  }
}

export function checkNoRedirect(status: number, location: string | undefined, requestUrl: string | undefined): Deviation[] {
  if (status < 300 || status > 399) return [];
  return [
    {
      check: 'no-redirect',
      expected: 'an answer from the server itself (redirects are never followed)',
      actual: `HTTP ${status} redirect to ${redirectOrigin(location, requestUrl)}, not followed`,
    },
  ];
}
