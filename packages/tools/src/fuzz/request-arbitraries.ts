import fc from 'fast-check';
import { inlineBankByCurrency } from './bank-arbitraries.ts';
import { safeAmounts, type FuzzFixtures } from './fuzz-fixtures.ts';
import { examplesOf } from '../spec/schema-facts.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';

/** Rounds to a number of decimals, so amounts look like real ones (no 1e-7 dust). */
const rounded = (min: number, max: number, decimals: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => Number(value.toFixed(decimals)));

// The documented values of the spec (its examples of each known-values pattern).
const spec = loadBundledSpec();
const explicitPricing = fc.record({
  fiatCurrency: fc.constantFrom(...examplesOf(spec, 'FiatCurrency')),
  blockchainSymbol: fc.constantFrom(...examplesOf(spec, 'BlockchainSymbol')),
  tokenSymbol: fc.constantFrom(...examplesOf(spec, 'TokenSymbol')),
});
const amount = fc.oneof(
  rounded(safeAmounts.fiat.min, safeAmounts.fiat.max, 2).map((fiatAmount) => ({ fiatAmount })),
  rounded(safeAmounts.crypto.min, safeAmounts.crypto.max, 6).map((cryptoAmount) => ({ cryptoAmount })),
);

/**
 * Valid off-ramp bodies across every branch of the request schema: quote or explicit pricing,
 * fiat or crypto amount, inline bank details of each country (individual and business holders)
 * or the saved account, with or without a receiver and a premium spread. Ids come from fixtures.
 */
export function validOffRampRequest(fixtures: FuzzFixtures): fc.Arbitrary<Record<string, unknown>> {
  const optional = fc.record({ premiumSpread: rounded(0, 0.05, 4), receiverId: fc.constant(fixtures.receivers.verified) }, { requiredKeys: [] });
  const withQuote = fc.record({ quoteId: fc.constant(fixtures.quotes.valid), bank: fc.constant({ userBankInformationId: fixtures.bankInformation.owned }) });
  // The saved account is a Mexican one, so explicit pricing with it pays in MXN.
  const explicitWithBank = fc.oneof(
    fc.tuple(explicitPricing, amount).chain(([pricing, amountField]) =>
      inlineBankByCurrency[pricing.fiatCurrency as keyof typeof inlineBankByCurrency].map((bank) => ({
        ...pricing,
        ...amountField,
        bank: { userBankInformation: bank },
      })),
    ),
    fc
      .tuple(explicitPricing, amount)
      .map(([pricing, amountField]) => ({ ...pricing, fiatCurrency: 'MXN', ...amountField, bank: { userBankInformationId: fixtures.bankInformation.owned } })),
  );
  return fc.tuple(fc.oneof(withQuote, explicitWithBank), optional).map(([{ bank, ...pricing }, extra]) => ({
    userId: fixtures.users.verified,
    ...pricing,
    ...bank,
    ...extra,
  }));
}
