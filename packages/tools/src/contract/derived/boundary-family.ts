// The family `boundary`: the partner agreement's limits (the fixtures' `partnerAgreement`), fiat
// and token, minimum and maximum: the named amount at the limit and just inside it (created) and
// just outside it (the limit's row, its message filled with the limits); and the derived amount
// just inside and just outside, for the amount the server derives from the other one at the
// agreement's rate. Each case picks a currency of the named scenarios at whose rate the other
// amount stays well within its own limits; a case no currency allows is skipped.
import type { PartnerAgreement } from '../partner-agreement.ts';
import type { Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type Expectation, type RequestBody, type SkippedCase } from './derivation-context.ts';

export const boundaryFamily = 'boundary';

type Kind = 'fiat' | 'token';
type Side = 'min' | 'max';

// The smallest step of each kind: cents, and the 6 decimals of USDC and USDT.
const unit: Record<Kind, number> = { fiat: 0.01, token: 0.000001 };
// A derived amount is aimed this far (relative) inside or outside a limit: well beyond rounding.
const derivedMargin = 0.001;
const decimals: Record<Kind, number> = { fiat: 2, token: 6 };

const round = (value: number, kind: Kind) => Number(value.toFixed(decimals[kind]));
const limitsOf = (agreement: PartnerAgreement, kind: Kind) => (kind === 'fiat' ? agreement.fiatLimits : agreement.cryptoLimits);
const amountField: Record<Kind, 'fiatAmount' | 'cryptoAmount'> = { fiat: 'fiatAmount', token: 'cryptoAmount' };
const rowOf: Record<Kind, string> = { fiat: 'FiatAmountOutOfRange', token: 'TokenAmountOutOfRange' };
const other: Record<Kind, Kind> = { fiat: 'token', token: 'fiat' };

/** The message of a limit's row, filled with the agreement's limits. */
function limitMessage(context: DerivationContext, agreement: PartnerAgreement, kind: Kind): string {
  const { min, max } = limitsOf(agreement, kind);
  return context.row(rowOf[kind]).message.replace('{min}', String(min)).replace('{max}', String(max));
}

interface Market {
  /** The explicit terms and inline account of a named success scenario. */
  terms: RequestBody;
  rate: number;
}

/** The currencies of the named success scenarios with inline details, each at the agreement's rate. */
function markets(context: DerivationContext, agreement: PartnerAgreement): Market[] {
  const found: Market[] = [];
  for (const scenario of context.named) {
    const body = scenario.requestBody as RequestBody;
    if (scenario.family !== 'created' || body.quoteId !== undefined || !body.userBankInformation) continue;
    const rate = agreement.exchangeRates[String(body.tokenSymbol)]?.[String(body.fiatCurrency)];
    if (!rate || found.some((m) => m.terms.fiatCurrency === body.fiatCurrency)) continue;
    const { fiatAmount: _f, cryptoAmount: _c, premiumSpread: _p, receiverId: _r, ...terms } = body;
    found.push({ terms, rate });
  }
  return found;
}

const convert = (amount: number, from: Kind, rate: number) => (from === 'fiat' ? amount / rate : amount * rate);
const within = (amount: number, limits: { min: number; max: number }) =>
  amount >= limits.min * (1 + derivedMargin) && amount <= limits.max * (1 - derivedMargin);

interface BoundaryCase {
  name: string;
  summary: string;
  /** The amount named in the request, and its kind. */
  named: Kind;
  amount(market: Market): number;
  /** Whether the derived amount of this case (at this market) is the one meant to be inside its limits. */
  fits(market: Market): boolean;
  expected: Expectation;
}

function boundaryCases(context: DerivationContext, agreement: PartnerAgreement): BoundaryCase[] {
  const cases: BoundaryCase[] = [];
  const outside = (kind: Kind): Expectation => ({ row: rowOf[kind], message: limitMessage(context, agreement, kind) });
  for (const kind of ['fiat', 'token'] as Kind[]) {
    const limits = limitsOf(agreement, kind);
    const otherLimits = limitsOf(agreement, other[kind]);
    for (const side of ['min', 'max'] as Side[]) {
      const limit = limits[side];
      const inward = side === 'min' ? 1 : -1;
      // The named amount: at the limit, one unit inside, one unit outside; the derived one stays within its limits.
      const named = (label: string, amount: number, expected: Expectation) =>
        cases.push({
          name: `${kind}-${side}-${label}`,
          summary: `the ${kind} amount ${label} the ${side}imum (${amount})`,
          named: kind,
          amount: () => amount,
          fits: (m) => within(convert(amount, kind, m.rate), otherLimits),
          expected,
        });
      named('at', limit, { created: true });
      named('inside', round(limit + inward * unit[kind], kind), { created: true });
      named('outside', round(limit - inward * unit[kind], kind), outside(kind));
      // The derived amount: the request names the other kind so that this one lands just inside or outside.
      for (const [label, factor, expected] of [
        ['inside', 1 + inward * derivedMargin, { created: true }],
        ['outside', 1 - inward * derivedMargin, outside(kind)],
      ] as const) {
        const namedAmount = (m: Market) => round(convert(limit * factor, kind, m.rate), other[kind]);
        cases.push({
          name: `derived-${kind}-${side}-${label}`,
          summary: `a ${other[kind]} amount whose derived ${kind} amount is just ${label} the ${side}imum`,
          named: other[kind],
          amount: namedAmount,
          // The named amount itself must be well within its own limits.
          fits: (m) => within(namedAmount(m), otherLimits),
          expected,
        });
      }
    }
  }
  return cases;
}

export function boundaryScenarios(context: DerivationContext): { scenarios: Scenario[]; skipped: SkippedCase[] } {
  const agreement = context.agreement;
  if (!agreement) return { scenarios: [], skipped: [{ name: boundaryFamily, reason: 'the fixtures state no partnerAgreement (limits and exchange rates)' }] };
  const available = markets(context, agreement);
  const scenarios: Scenario[] = [];
  const skipped: SkippedCase[] = [];
  const userId = (context.named.find((s) => s.family === 'created')?.requestBody as RequestBody | undefined)?.userId;
  for (const boundary of boundaryCases(context, agreement)) {
    const market = available.find((m) => boundary.fits(m));
    const name = `boundary.${boundary.name}`;
    if (!market) {
      skipped.push({ name, reason: 'at no rate of the agreement does the other amount stay within its limits' });
      continue;
    }
    const body = { userId, ...structuredClone(market.terms), [amountField[boundary.named]]: boundary.amount(market) };
    scenarios.push(derivedScenario(context, boundaryFamily, name, `${boundary.summary}, in ${String(market.terms.fiatCurrency)}`, { body }, boundary.expected));
  }
  return { scenarios, skipped };
}
