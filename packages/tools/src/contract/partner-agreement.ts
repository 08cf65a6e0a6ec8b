// The partner agreement a fixtures file may state (its `partnerAgreement` group): the limits per
// operation and the exchange rates before spreads. The reference implementation is seeded from
// it; the contract suite derives its boundary scenarios from it. Unlike the other groups it holds
// facts, not identities: its values are not substituted into requests.
import type { Fixtures } from './fixtures.ts';

export const partnerAgreementGroup = 'partnerAgreement';

export interface AmountLimits {
  min: number;
  max: number;
}

export interface PartnerAgreement {
  fiatLimits: AmountLimits;
  cryptoLimits: AmountLimits;
  /** Fiat units per token before spreads: `exchangeRates[token][fiatCurrency]`. */
  exchangeRates: Record<string, Record<string, number>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

function limitsOf(value: unknown, name: string, problems: string[]): AmountLimits {
  if (!isRecord(value) || !positive(value.min) || !positive(value.max) || value.min > value.max) {
    problems.push(`${name} must be { "min": n, "max": m } with 0 < n <= m`);
    return { min: 0, max: 0 };
  }
  return { min: value.min, max: value.max };
}

/** The fixtures' partner agreement, checked; `undefined` when the file states none. */
export function partnerAgreementOf(fixtures: Fixtures): PartnerAgreement | undefined {
  const group = fixtures[partnerAgreementGroup];
  if (group === undefined) return undefined;
  const problems: string[] = [];
  if (!isRecord(group)) throw new Error(`The fixtures' ${partnerAgreementGroup} must be an object`);
  const fiatLimits = limitsOf(group.fiatLimits, `${partnerAgreementGroup}.fiatLimits`, problems);
  const cryptoLimits = limitsOf(group.cryptoLimits, `${partnerAgreementGroup}.cryptoLimits`, problems);
  const exchangeRates: Record<string, Record<string, number>> = {};
  if (!isRecord(group.exchangeRates)) problems.push(`${partnerAgreementGroup}.exchangeRates must map tokens to { currency: rate }`);
  else
    for (const [token, rates] of Object.entries(group.exchangeRates)) {
      if (!isRecord(rates) || !Object.values(rates).every(positive)) {
        problems.push(`${partnerAgreementGroup}.exchangeRates.${token} must map currencies to positive rates`);
        continue;
      }
      exchangeRates[token] = rates as Record<string, number>;
    }
  if (problems.length > 0) throw new Error(`The fixtures' partner agreement is malformed: ${problems.join('; ')}`);
  return { fiatLimits, cryptoLimits, exchangeRates };
}

/** The fixtures without the partner agreement: the identities that requests carry. */
export function withoutPartnerAgreement(fixtures: Fixtures): Fixtures {
  const { [partnerAgreementGroup]: _agreement, ...identities } = fixtures;
  return identities;
}
