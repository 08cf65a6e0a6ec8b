// The step `savedBank` of the order of checks: the saved bank account must exist and be this partner's and
// this user's; then the account (saved, or inline with a quote) must receive the payout currency.
// Explicit currency with inline details is already matched by the request schema.
import { catalogError, fail, invalidUserInput, pass, type Checked } from './catalog-errors.ts';
import type { Market, Partner, SavedBankAccount, StoredBankAccount, User } from './reference-state.ts';

interface BankRequest {
  userBankInformationId?: string;
  userBankInformation?: Record<string, unknown>;
}

// The fields of inline details that the stored account (and so the 201 echo) keeps: holder
// name and address are not echoed.
const echoedFields = ['country', 'accountIdentifier', 'bankName', 'accountType', 'documentIdentifier', 'documentType', 'iban', 'bic', 'routingNumber'] as const;

/**
 * Inline details as the server stores them. Only a Mexican CLABE is penny-tested: it is verified
 * when this user already has it as a verified saved account with this partner.
 */
function storeInlineAccount(
  inline: Record<string, unknown>,
  owner: { partner: Partner; user: User; saved: ReadonlyMap<string, SavedBankAccount> },
): StoredBankAccount {
  const stored: Record<string, unknown> = {};
  // Stryker disable next-line ConditionalExpression: a member set to undefined is left out of the JSON answer all the same.
  for (const field of echoedFields) if (inline[field] !== undefined) stored[field] = inline[field];
  const account = stored as unknown as StoredBankAccount;
  account.isVerified =
    account.country !== 'MX' ||
    [...owner.saved.values()].some(
      (saved) =>
        saved.partnerId === owner.partner.id &&
        saved.userId === owner.user.id &&
        saved.account.isVerified &&
        saved.account.country === 'MX' &&
        saved.account.accountIdentifier === account.accountIdentifier,
    );
  return account;
}

/** Whether `account` can receive `fiatCurrency`, by the spec's currency-to-bank-country rule. */
function receives(fiatCurrency: string, account: StoredBankAccount, market: Market): boolean {
  return market.payoutCountry[fiatCurrency]?.countries.includes(account.country) ?? false;
}

// Stryker disable all: detail wording; the spec fixes where the detail points, not what it says.
function accountDescription(fiatCurrency: string, market: Market): string {
  const label = market.payoutCountry[fiatCurrency]?.label;
  return label === 'SEPA' ? `a SEPA bank account to receive ${fiatCurrency}` : `a bank account in ${label} to receive ${fiatCurrency}`;
}
// Stryker restore all

export function checkBankAccount(
  request: BankRequest,
  context: { partner: Partner; user: User; fiatCurrency: string; savedBankAccounts: ReadonlyMap<string, SavedBankAccount>; market: Market },
): Checked<StoredBankAccount> {
  const { partner, user, fiatCurrency, market } = context;
  if (request.userBankInformationId !== undefined) {
    const saved = context.savedBankAccounts.get(request.userBankInformationId.toLowerCase());
    if (!saved) return fail(catalogError('BankInformationNotFound'));
    if (saved.partnerId !== partner.id) return fail(catalogError('BankInformationOfOtherPartner'));
    if (saved.userId !== user.id) return fail(catalogError('BankInformationOfOtherUser'));
    if (!receives(fiatCurrency, saved.account, market)) {
      // Stryker disable next-line StringLiteral: the message's wording (its path is checked).
      return fail(invalidUserInput([{ path: '/userBankInformationId', message: `must name ${accountDescription(fiatCurrency, market)}` }]));
    }
    return pass(saved.account);
  }
  // The preflight's bank rule guarantees inline details when there is no saved account id.
  const account = storeInlineAccount(request.userBankInformation!, { partner, user, saved: context.savedBankAccounts });
  if (!receives(fiatCurrency, account, market)) {
    return fail(
      invalidUserInput([
        // Stryker disable next-line StringLiteral: the message's wording (its path is checked).
        { path: '/userBankInformation/country', message: `must be the country of ${accountDescription(fiatCurrency, market)}, the quote's currency` },
      ]),
    );
  }
  return pass(account);
}
