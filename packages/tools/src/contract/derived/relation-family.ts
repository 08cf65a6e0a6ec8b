// The family `relation`: answers that must agree with each other. The same order with a higher
// premiumSpread pays out less per token, by that fraction (the spec: "0.01 is 1%"), whichever
// amount it names; two answers priced by the same quote carry the same terms. A relation is
// judged after the run, on the answers of its scenarios, and reported on its last scenario.
import { shown, type Deviation } from '../checks/deviation.ts';
import type { Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario } from './derivation-context.ts';
import { requestBases } from './request-bases.ts';

export const relationFamily = 'relation';

/** The data of a created transaction, as far as relations read it. */
export type TransactionTerms = Record<string, unknown> & { fiatAmount?: number; cryptoAmount?: number; exchangeRate?: number };

export interface Relation {
  name: string;
  /** Its scenarios, in the order they run; deviations are reported on the last. */
  scenarios: string[];
  check(terms: TransactionTerms[]): Deviation[];
}

// The spreads compared: none, and a high one (10%, far beyond any rounding).
const highSpread = 0.1;
// How closely the rate must follow the spread: relative, beyond rounding of 6 decimals.
const rateTolerance = 1e-4;

const deviation = (subject: string, expected: string, actual: unknown): Deviation => ({ check: 'relation', subject, expected, actual: shown(actual) });

/** The rate after `spread` must be the rate without it times (1 - spread). */
function spreadFollowsRate(without: TransactionTerms, withSpread: TransactionTerms, spread: number, label: string): Deviation[] {
  const [r0, r1] = [without.exchangeRate, withSpread.exchangeRate];
  if (typeof r0 !== 'number' || typeof r1 !== 'number') return [];
  const expected = r0 * (1 - spread);
  return Math.abs(r1 - expected) <= expected * rateTolerance
    ? []
    : [deviation(`${label} data.exchangeRate`, `${expected} (${r0} less the premiumSpread ${spread})`, r1)];
}

/** With the spread the amount must have moved in the user's disfavour: less fiat, or more tokens. */
function movedBySpread(
  without: TransactionTerms,
  withSpread: TransactionTerms,
  field: 'fiatAmount' | 'cryptoAmount',
  direction: 'less' | 'more',
  label: string,
): Deviation[] {
  const [a0, a1] = [without[field], withSpread[field]];
  if (typeof a0 !== 'number' || typeof a1 !== 'number') return [];
  const ok = direction === 'less' ? a1 < a0 : a1 > a0;
  return ok ? [] : [deviation(`${label} data.${field}`, `${direction} than ${a0}, the amount without the spread`, a1)];
}

const sameTerms = ['fiatAmount', 'cryptoAmount', 'exchangeRate', 'fiatCurrency', 'blockchainSymbol', 'tokenSymbol'] as const;

export function relationScenarios(context: DerivationContext): { scenarios: Scenario[]; relations: Relation[] } {
  const bases = new Map(requestBases(context.named).map((b) => [b.name, b]));
  const scenarios: Scenario[] = [];
  const relations: Relation[] = [];
  const add = (name: string, baseName: string, spread: number | undefined) => {
    const base = bases.get(baseName)!;
    const body = { ...structuredClone(base.body), ...(spread === undefined ? {} : { premiumSpread: spread }) };
    scenarios.push(derivedScenario(context, relationFamily, name, `${baseName} with premiumSpread ${spread ?? 'omitted'}`, { body }, { created: true }));
    return name;
  };

  for (const [baseName, field, direction] of [
    ['CryptoInline', 'fiatAmount', 'less'],
    ['FiatInline', 'cryptoAmount', 'more'],
    ['QuoteSaved', 'fiatAmount', 'less'],
  ] as const) {
    const names = [add(`relation.${baseName}.spread-0`, baseName, 0), add(`relation.${baseName}.spread-high`, baseName, highSpread)];
    relations.push({
      name: `relation.${baseName}.spread`,
      scenarios: names,
      check: ([without, withSpread]) => [
        ...spreadFollowsRate(without!, withSpread!, highSpread, names[1]!),
        ...movedBySpread(without!, withSpread!, field, direction, names[1]!),
      ],
    });
  }
  // The same quote twice, without a spread: the quote's terms both times.
  const twice = [add('relation.QuoteSaved.first', 'QuoteSaved', undefined), add('relation.QuoteSaved.again', 'QuoteSaved', undefined)];
  relations.push({
    name: 'relation.QuoteSaved.same-terms',
    scenarios: twice,
    check: ([first, again]) =>
      sameTerms
        .filter((field) => first![field] !== again![field])
        .map((field) => deviation(`${twice[1]} data.${field}`, `${shown(first![field])}, as for the same quote before`, again![field])),
  });
  return { scenarios, relations };
}
