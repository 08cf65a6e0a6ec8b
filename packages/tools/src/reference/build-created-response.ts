// The 201 envelope of a new off-ramp transaction, checked against the generated
// `OffRampCreatedResponse` type (`satisfies`): an answer that drifts from the spec does not compile.
import { randomUUID } from 'node:crypto';
import type { components } from '@off-ramp/client';
import type { PricingTerms } from './check-pricing-terms.ts';
import type { OffRampPrice } from './price-off-ramp.ts';
import type { StoredBankAccount } from './reference-state.ts';

export interface CreatedTransaction {
  userId: string;
  receiverId: string | null;
  terms: PricingTerms;
  price: OffRampPrice;
  premiumSpread: number;
  bankAccount: StoredBankAccount;
  destinationWalletAddress: string;
  createdAt: Date;
}

export function buildCreatedResponse(transaction: CreatedTransaction) {
  const { terms, price } = transaction;
  return {
    status: 201,
    body: {
      success: true as const,
      data: {
        id: randomUUID(),
        userId: transaction.userId,
        receiverId: transaction.receiverId,
        status: 'PENDING_PAYMENT' as const,
        cryptoAmount: price.cryptoAmount,
        fiatAmount: price.fiatAmount,
        exchangeRate: price.exchangeRate,
        tokenSymbol: terms.tokenSymbol,
        blockchainSymbol: terms.blockchainSymbol,
        fiatCurrency: terms.fiatCurrency,
        premiumSpread: transaction.premiumSpread,
        destinationWalletAddress: transaction.destinationWalletAddress,
        bankAccount: transaction.bankAccount,
        createdAt: transaction.createdAt.toISOString(),
        completedAt: null,
      },
    } satisfies components['schemas']['OffRampCreatedResponse'],
  };
}
