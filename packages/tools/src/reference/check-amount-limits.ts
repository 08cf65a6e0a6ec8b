// The step `amounts` of the order of checks: the partner agreement's limits. The amounts the request named
// (with a quote: the quote's) come first, fiat before tokens; then the derived amount, so that no
// transaction leaves the limits, or rounds to zero, whichever amount was given.
import { catalogError, fail, pass, type Checked } from './catalog-errors.ts';
import type { OffRampPrice } from './price-off-ramp.ts';
import type { AmountLimits, Partner } from './reference-state.ts';

const within = (amount: number, limits: AmountLimits) => amount >= limits.min && amount <= limits.max;

export function checkAmountLimits(partner: Partner, named: { fiatAmount?: number; cryptoAmount?: number }, price: OffRampPrice): Checked<OffRampPrice> {
  const order: ['fiat' | 'crypto', number | undefined][] = [
    // Stryker disable next-line ArrayDeclaration,StringLiteral: the derived fiat amount of a request that names one is that amount, checked below; only a quote outside both limits would tell (no fixture is).
    ['fiat', named.fiatAmount],
    ['crypto', named.cryptoAmount],
    ['fiat', price.fiatAmount],
    ['crypto', price.cryptoAmount],
  ];
  for (const [kind, amount] of order) {
    if (amount === undefined) continue;
    if (kind === 'fiat' && !within(amount, partner.fiatLimits)) return fail(catalogError('FiatAmountOutOfRange', partner.fiatLimits));
    if (kind === 'crypto' && !within(amount, partner.cryptoLimits)) return fail(catalogError('TokenAmountOutOfRange', partner.cryptoLimits));
  }
  return pass(price);
}
