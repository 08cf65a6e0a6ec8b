import type { Deviation } from './deviation.ts';

// JSON is UTF-8 (RFC 8259), so the only parameter a JSON answer may carry is charset=utf-8.
const jsonContentType = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** Every answer of the endpoint, success or error, is `application/json`. */
export function checkContentType(contentType: string | undefined): Deviation[] {
  if (contentType !== undefined && jsonContentType.test(contentType.trim())) return [];
  return [{ check: 'content-type', expected: 'application/json (charset=utf-8 allowed)', actual: contentType ?? '(no Content-Type header)' }];
}
