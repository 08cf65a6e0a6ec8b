/** The fixture entries the generated bodies need (a subset of tests/contract/fixtures.json). */
export interface FuzzFixtures {
  users: { verified: string };
  quotes: { valid: string };
  bankInformation: { owned: string };
  receivers: { verified: string };
}

/**
 * Amount bands that every known currency and token accepts under the default partner limits,
 * also after conversion (1 000 MXN is about 59 USDC; 1 000 USDC is about 60 000 DOP).
 */
export const safeAmounts = { fiat: { min: 1000, max: 20000 }, crypto: { min: 10, max: 1000 } } as const;
