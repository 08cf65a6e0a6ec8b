// The in-memory world the reference implementation answers from. Built once at start by
// seed-state.ts and never changed by requests: the server keeps no state between requests.
import type { components } from '@off-ramp/client';
import type { PayoutCountries } from '../spec/payout-countries.ts';
import type { AmountLimits } from '../contract/partner-agreement.ts';

/** The stored form of a bank account, exactly as the 201 response echoes it: the spec's `BankAccount`. */
export type StoredBankAccount = components['schemas']['BankAccount'];

/** Minimum and maximum per operation, from the partner agreement. */
export type { AmountLimits } from '../contract/partner-agreement.ts';

export interface Partner {
  id: string;
  /** SHA-256 of the API key: keys are compared as digests, in constant time. */
  apiKeyDigest: Buffer;
  /** Whether the partner agreement includes the off-ramp flow. */
  offRampFlow: boolean;
  fiatLimits: AmountLimits;
  cryptoLimits: AmountLimits;
}

export interface User {
  id: string;
  partnerIds: ReadonlySet<string>;
  kycVerified: boolean;
  /** The account of a receiver: such users cannot initiate transactions. */
  receiverAccount: boolean;
}

export interface Quote {
  id: string;
  partnerId: string;
  userId: string;
  transactionType: 'OFF_RAMP' | 'ON_RAMP';
  fiatCurrency: string;
  blockchainSymbol: string;
  tokenSymbol: string;
  fiatAmount: number;
  cryptoAmount: number;
  /** Fiat units per token, locked when the quote was made. */
  exchangeRate: number;
  expiresAt: Date;
}

export interface SavedBankAccount {
  id: string;
  partnerId: string;
  userId: string;
  account: StoredBankAccount;
}

export interface Receiver {
  id: string;
  partnerId: string;
  /** The user the receiver belongs to. */
  userId: string;
  verified: boolean;
}

/** What is enabled, and the prices: the same for every partner here. */
export interface Market {
  enabledFiatCurrencies: ReadonlySet<string>;
  /** `CHAIN/TOKEN` pairs, e.g. `POL/USDC`. */
  enabledChainTokens: ReadonlySet<string>;
  stableTokens: ReadonlySet<string>;
  /** Fiat units per token, before spreads: `exchangeRates[token][fiat]`. */
  exchangeRates: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The bank countries each currency pays out to: the spec's FiatCurrencyMatchesBankCountry rule. */
  payoutCountry: Readonly<Record<string, PayoutCountries>>;
}

export interface ReferenceState {
  partners: readonly Partner[];
  /** Keyed by lower-case id: UUIDs compare case-insensitively. */
  users: ReadonlyMap<string, User>;
  quotes: ReadonlyMap<string, Quote>;
  savedBankAccounts: ReadonlyMap<string, SavedBankAccount>;
  receivers: ReadonlyMap<string, Receiver>;
  market: Market;
}
