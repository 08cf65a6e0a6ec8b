// Prices an off-ramp: the exchange rate after the partner's premium spread, and the amount the
// request did not name, derived from the one it did. Requested amounts are echoed unchanged.

export interface OffRampPrice {
  fiatAmount: number;
  cryptoAmount: number;
  /** Fiat units per token, after the premium spread. */
  exchangeRate: number;
}

/** Rounds half away from zero to `decimals` places (amounts here are always positive). */
export const roundTo = (value: number, decimals: number): number => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

// Fiat in cents; tokens and rates to 6 decimals (USDC and USDT have 6 on-chain decimals).
const fiatDecimals = 2;
const cryptoDecimals = 6;

/**
 * Priced now: `baseRate` is the market's fiat per token before spreads; exactly one of
 * `fiatAmount` and `cryptoAmount` is given, and the other is derived from it.
 */
export function priceFromAmount(input: { baseRate: number; premiumSpread: number; fiatAmount?: number; cryptoAmount?: number }): OffRampPrice {
  const exchangeRate = roundTo(input.baseRate * (1 - input.premiumSpread), cryptoDecimals);
  if (input.cryptoAmount !== undefined) {
    return { cryptoAmount: input.cryptoAmount, fiatAmount: roundTo(input.cryptoAmount * exchangeRate, fiatDecimals), exchangeRate };
  }
  const fiatAmount = input.fiatAmount!;
  return { fiatAmount, cryptoAmount: roundTo(fiatAmount / exchangeRate, cryptoDecimals), exchangeRate };
}

/**
 * Priced by a quote: the user sends the quoted tokens; the premium spread, when the request has
 * one, lowers the rate and the fiat paid out (with no spread the quote is used as it stands).
 */
export function priceFromQuote(quote: { fiatAmount: number; cryptoAmount: number; exchangeRate: number }, premiumSpread: number): OffRampPrice {
  return {
    cryptoAmount: quote.cryptoAmount,
    fiatAmount: roundTo(quote.fiatAmount * (1 - premiumSpread), fiatDecimals),
    exchangeRate: roundTo(quote.exchangeRate * (1 - premiumSpread), cryptoDecimals),
  };
}
