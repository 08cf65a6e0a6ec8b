/** The fixture entries the generated bodies need (a subset of the contract fixtures). */
export interface FuzzFixtures {
  users: { verified: string };
  quotes: { valid: string };
  bankInformation: { owned: string };
  receivers: { verified: string };
}

/**
 * Amount bands that every known currency and token accepts under the default partner limits,
 * also after conversion and a premium spread of up to 5% (1 000 MXN is about 59 USDC; 1 000 USDC
 * is about 60 000 DOP; 12 USDC is at least 10.49 EUR, where 10 USDC would pay under the minimum).
 */
export const safeAmounts = { fiat: { min: 1000, max: 20000 }, crypto: { min: 12, max: 1000 } } as const;
