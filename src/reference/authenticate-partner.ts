// Step 2 of the order of checks: the `partner-api-key` header names a partner whose agreement
// includes the off-ramp flow. Keys are compared as SHA-256 digests with timingSafeEqual, against
// every partner without stopping early, so that timing tells nothing about stored keys.
import { timingSafeEqual } from 'node:crypto';
import { catalogError, fail, pass, type Checked } from './catalog-errors.ts';
import type { Partner } from './reference-state.ts';
import { digestApiKey } from './api-key-digest.ts';

export const apiKeyHeader = 'partner-api-key';
const apiKeyForm = /^pk_(live|test)_[A-Za-z0-9]{32}$/;

/** `headerValue` as Node gives it: trimmed, undefined when absent, repeated headers joined. An empty header counts as missing. */
export function authenticatePartner(headerValue: string | string[] | undefined, partners: readonly Partner[]): Checked<Partner> {
  if (headerValue === undefined || headerValue === '') return fail(catalogError('ApiKeyMissing'));
  if (typeof headerValue !== 'string' || !apiKeyForm.test(headerValue)) return fail(catalogError('ApiKeyMalformed'));
  const digest = digestApiKey(headerValue);
  let found: Partner | undefined;
  for (const partner of partners) {
    if (timingSafeEqual(digest, partner.apiKeyDigest)) found = partner;
  }
  if (!found) return fail(catalogError('ApiKeyUnknown'));
  if (!found.offRampFlow) return fail(catalogError('InvalidPartnerFlow'));
  return pass(found);
}
