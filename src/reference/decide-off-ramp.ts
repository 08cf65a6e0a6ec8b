// The order of checks of POST /api/partner/v2/off-ramp, as the spec's operation description
// lists it: each numbered step below is the step of the same number there. The first failing
// step decides the answer.
import { authenticatePartner } from './authenticate-partner.ts';
import { buildCreatedResponse } from './build-created-response.ts';
import { checkAmountLimits } from './check-amount-limits.ts';
import { checkBankAccount } from './check-bank-account.ts';
import { checkPricingTerms } from './check-pricing-terms.ts';
import { checkReceiver } from './check-receiver.ts';
import { checkUser } from './check-user.ts';
import { invalidUserInput, type ErrorAnswer } from './catalog-errors.ts';
import { priceFromAmount, priceFromQuote } from './price-off-ramp.ts';
import type { ReadBody } from './read-json-body.ts';
import type { ReferenceState } from './reference-state.ts';
import { validateOffRampRequest, type PreflightResult } from '../preflight/validate-off-ramp-request.ts';
import type { WalletAddressSource } from './wallet-addresses.ts';

export interface OffRampContext {
  state: ReferenceState;
  newWalletAddress: WalletAddressSource;
  now: () => Date;
}

export type Answer = ErrorAnswer | ReturnType<typeof buildCreatedResponse>;

const preflightAnswer = ({ error: { status, ...error } }: Extract<PreflightResult, { ok: false }>): ErrorAnswer => ({ status, body: { success: false, error } });

export function decideOffRamp(input: { apiKey: string | string[] | undefined; body: Exclude<ReadBody, { kind: 'aborted' | 'tooLarge' }> }, context: OffRampContext): Answer {
  const { state } = context;
  // 1. Body: sent as JSON, within the size limit, parses, and (the preflight's 'body' check) is an object.
  if (input.body.kind === 'fault') return invalidUserInput([input.body.detail]);
  const preflight = validateOffRampRequest(input.body.value);
  if (!preflight.ok && preflight.check === 'body') return preflightAnswer(preflight);

  // 2. Authentication and the partner's flow.
  const partner = authenticatePartner(input.apiKey, state.partners);
  if (!partner.ok) return partner.answer;

  // 3. User id: present and a UUID.
  if (!preflight.ok && preflight.check === 'userId') return preflightAnswer(preflight);

  // 4. User: not a receiver's account, known and KYC-verified.
  const user = checkUser((input.body.value as { userId: string }).userId, partner.value, state.users);
  if (!user.ok) return user.answer;

  // 5 to 7. Body shape, pricing source rule, bank account source rule (the preflight's order).
  if (!preflight.ok) return preflightAnswer(preflight);
  const request = preflight.value;

  // 8 to 10. Quote, currency, chain and token.
  const terms = checkPricingTerms(request, { partner: partner.value, user: user.value, quotes: state.quotes, market: state.market, now: context.now() });
  if (!terms.ok) return terms.answer;
  const { fiatCurrency, tokenSymbol, quote } = terms.value;

  // 11. Saved bank account, and the account matching the payout currency.
  const bankAccount = checkBankAccount(request, { partner: partner.value, user: user.value, fiatCurrency, savedBankAccounts: state.savedBankAccounts, market: state.market });
  if (!bankAccount.ok) return bankAccount.answer;

  // 12. Receiver.
  const receiverId = checkReceiver(request.receiverId, { partner: partner.value, user: user.value, receivers: state.receivers });
  if (!receiverId.ok) return receiverId.answer;

  // 13. Amounts within the partner's limits.
  const premiumSpread = request.premiumSpread ?? 0;
  const price = quote
    ? priceFromQuote(quote, premiumSpread)
    : priceFromAmount({ baseRate: state.market.exchangeRates[tokenSymbol]![fiatCurrency]!, premiumSpread, fiatAmount: request.fiatAmount, cryptoAmount: request.cryptoAmount });
  const named = quote ? { fiatAmount: quote.fiatAmount, cryptoAmount: quote.cryptoAmount } : { fiatAmount: request.fiatAmount, cryptoAmount: request.cryptoAmount };
  const limited = checkAmountLimits(partner.value, named, price);
  if (!limited.ok) return limited.answer;

  return buildCreatedResponse({
    userId: user.value.id,
    receiverId: receiverId.value,
    terms: terms.value,
    price: limited.value,
    premiumSpread,
    bankAccount: bankAccount.value,
    destinationWalletAddress: context.newWalletAddress(terms.value.blockchainSymbol),
    createdAt: context.now(),
  });
}
