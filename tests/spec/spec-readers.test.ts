// The small readers tools use instead of copying facts out of the spec: the currency-to-bank-
// country rule, and the required fields, enumerations and documented values of a schema.
import { describe, expect, test } from 'vitest';
import { payoutCountriesFromSpec } from '../../packages/tools/src/spec/payout-countries.ts';
import { enumOf, examplesOf, requiredOf } from '../../packages/tools/src/spec/schema-facts.ts';
import { spec } from '../support/spec.ts';

describe('payoutCountriesFromSpec', () => {
  test("reads the spec's FiatCurrencyMatchesBankCountry rule: one country per currency, or the SEPA list", () => {
    const rule = payoutCountriesFromSpec(spec);
    expect(Object.keys(rule)).toEqual(examplesOf(spec, 'FiatCurrency'));
    expect(rule.MXN).toEqual({ countries: ['MX'], label: 'MX' });
    expect(rule.EUR).toEqual({ countries: enumOf(spec, 'SepaCountryCode'), label: 'SEPA' });
    expect(rule.EUR!.countries).toContain('DE');
  });

  test('refuses a rule it cannot read', () => {
    const broken = structuredClone(spec);
    const rule = broken.components.schemas.FiatCurrencyMatchesBankCountry as { allOf: Record<string, unknown>[] };
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword `then`, not a promise.
    rule.allOf[0]!.then = {};
    expect(() => payoutCountriesFromSpec(broken)).toThrow(/without a currency or a country/);
  });
});

describe('schema facts', () => {
  test('required fields, enumerations and documented values, following $ref', () => {
    expect(requiredOf(spec, 'BankInformationMx')).toEqual(['country', 'accountIdentifier']);
    expect(enumOf(spec, 'AccountType')).toEqual(expect.arrayContaining(['SAVINGS', 'CHECKING']));
    expect(examplesOf(spec, 'BlockchainSymbol')).toEqual(expect.arrayContaining(['POL', 'SOL', 'ETH']));
  });

  test('a schema without the list asked for is refused, not read as empty', () => {
    expect(() => enumOf(spec, 'BankInformationMx')).toThrow(/BankInformationMx.enum is not a list/);
    expect(() => requiredOf(spec, 'NoSuchSchema')).toThrow(/no component schema NoSuchSchema/);
  });
});
