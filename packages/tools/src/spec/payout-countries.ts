// The currency-to-bank-country rule, read from the spec's own rule (FiatCurrencyMatchesBankCountry:
// one if/then per currency, its bank `country` a const or the SepaCountryCode list), so that the
// reference implementation pays out by the same rule the request schema states.
import type { BundledSpec } from './spec-schemas.ts';

export interface PayoutCountries {
  /** The bank countries that receive the currency. */
  countries: readonly string[];
  /** How to name them in a message: the country, or the area (`SEPA`). */
  label: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the spec's JSON has no static type.
type Json = Record<string, any>;

export function payoutCountriesFromSpec(spec: BundledSpec): Record<string, PayoutCountries> {
  const schemas = spec.components.schemas as Record<string, Json>;
  const rule = schemas.FiatCurrencyMatchesBankCountry;
  if (!Array.isArray(rule?.allOf)) throw new Error('The spec has no FiatCurrencyMatchesBankCountry rule with an allOf');
  const byCurrency: Record<string, PayoutCountries> = {};
  for (const branch of rule.allOf as Json[]) {
    const currency = branch.if?.properties?.fiatCurrency?.const;
    const country = branch.then?.properties?.userBankInformation?.properties?.country;
    if (typeof currency !== 'string' || country === undefined)
      throw new Error(`FiatCurrencyMatchesBankCountry: a branch without a currency or a country: ${JSON.stringify(branch)}`);
    if (typeof country.const === 'string') byCurrency[currency] = { countries: [country.const], label: country.const };
    else if (typeof country.$ref === 'string') {
      const name = country.$ref.split('/').pop()!;
      const list = schemas[name]?.enum;
      if (!Array.isArray(list)) throw new Error(`FiatCurrencyMatchesBankCountry: ${name} is not a list of countries`);
      byCurrency[currency] = { countries: list, label: name === 'SepaCountryCode' ? 'SEPA' : name };
    } else throw new Error(`FiatCurrencyMatchesBankCountry: the country of ${currency} is neither a const nor a list`);
  }
  return byCurrency;
}
