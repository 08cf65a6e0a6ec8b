// The step `authentication`, second half: a well-formed key names a partner whose agreement includes the off-ramp
// flow. Keys are compared as SHA-256 digests with timingSafeEqual, against every partner without
// stopping early, so that timing tells nothing about stored keys.
import { timingSafeEqual } from 'node:crypto';
import { digestApiKey } from './api-key-digest.ts';
import { catalogError, fail, pass, type Checked } from './catalog-errors.ts';
import type { Partner } from './reference-state.ts';

export function findPartner(apiKey: string, partners: readonly Partner[]): Checked<Partner> {
  const digest = digestApiKey(apiKey);
  let found: Partner | undefined;
  for (const partner of partners) {
    if (timingSafeEqual(digest, partner.apiKeyDigest)) found = partner;
  }
  if (!found) return fail(catalogError('ApiKeyUnknown'));
  if (!found.offRampFlow) return fail(catalogError('InvalidPartnerFlow'));
  return pass(found);
}
