// Steps 8 to 10 of the order of checks: the quote (when priced by one), then the currency, then
// the chain and token, whether they come from the request or from the quote.
import { catalogError, fail, pass, type Checked } from './catalog-errors.ts';
import type { Market, Partner, Quote, User } from './reference-state.ts';

export interface PricingTerms {
  fiatCurrency: string;
  blockchainSymbol: string;
  tokenSymbol: string;
  /** The quote the request is priced by, if any. */
  quote?: Quote;
}

interface PricingRequest {
  quoteId?: string;
  fiatCurrency?: string;
  blockchainSymbol?: string;
  tokenSymbol?: string;
}

/** The step `quote`: the quote must be this partner's and user's, for OFF_RAMP, and not expired. */
function checkQuote(quoteId: string, context: { partner: Partner; user: User; quotes: ReadonlyMap<string, Quote>; now: Date }): Checked<Quote> {
  const quote = context.quotes.get(quoteId.toLowerCase());
  if (!quote || quote.partnerId !== context.partner.id || quote.userId !== context.user.id || quote.transactionType !== 'OFF_RAMP') {
    return fail(catalogError('QuoteNotOffRamp'));
  }
  // Stryker disable next-line EqualityOperator: a quote expiring at the very millisecond of the request cannot be arranged from outside.
  if (quote.expiresAt.getTime() <= context.now.getTime()) return fail(catalogError('QuoteExpired'));
  return pass(quote);
}

export function checkPricingTerms(
  request: PricingRequest,
  context: { partner: Partner; user: User; quotes: ReadonlyMap<string, Quote>; market: Market; now: Date },
): Checked<PricingTerms> {
  let terms: PricingTerms;
  if (request.quoteId !== undefined) {
    const quote = checkQuote(request.quoteId, context);
    if (!quote.ok) return quote;
    terms = {
      fiatCurrency: quote.value.fiatCurrency,
      blockchainSymbol: quote.value.blockchainSymbol,
      tokenSymbol: quote.value.tokenSymbol,
      quote: quote.value,
    };
  } else {
    // The preflight's pricing rule guarantees all three symbols when there is no quote.
    terms = { fiatCurrency: request.fiatCurrency!, blockchainSymbol: request.blockchainSymbol!, tokenSymbol: request.tokenSymbol! };
  }
  const { market } = context;
  // The step `currency`.
  if (!market.enabledFiatCurrencies.has(terms.fiatCurrency)) return fail(catalogError('FiatCurrencyUnavailable'));
  // The step `chainToken`: the pair first, then whether the token is a stable coin.
  if (!market.enabledChainTokens.has(`${terms.blockchainSymbol}/${terms.tokenSymbol}`)) return fail(catalogError('ChainTokenUnavailable'));
  if (!market.stableTokens.has(terms.tokenSymbol)) return fail(catalogError('TokenNotStable'));
  return pass(terms);
}
