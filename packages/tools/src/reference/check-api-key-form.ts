// The step `authentication`, first half: the `partner-api-key` header is present and has the form of a key. Needs no
// state, so the mock's validating front makes it too (src/prism/validating-front.ts).
import { apiKeyPattern } from '@off-ramp/client';
import { catalogError, fail, pass, type Checked } from './catalog-errors.ts';

const apiKeyForm = new RegExp(apiKeyPattern);

/**
 * `headerValue` as Node gives it: trimmed, undefined when absent, repeated headers joined. An
 * empty header counts as missing. Passes the key when it is well formed.
 */
export function checkApiKeyForm(headerValue: string | string[] | undefined): Checked<string> {
  if (headerValue === undefined || headerValue === '') return fail(catalogError('ApiKeyMissing'));
  // Stryker disable next-line ConditionalExpression: Node joins a repeated partner-api-key into one string, so no request makes it an array.
  if (typeof headerValue !== 'string' || !apiKeyForm.test(headerValue)) return fail(catalogError('ApiKeyMalformed'));
  return pass(headerValue);
}
