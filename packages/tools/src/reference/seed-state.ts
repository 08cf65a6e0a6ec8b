// Builds the reference implementation's world from the contract fixtures: the fixtures give the
// ids and keys and the partner agreement (limits and exchange rates); this file gives everything
// else behind them (quotes, bank accounts, what is enabled). The values match the spec's examples:
// quote MXN/POL/USDC 100 -> 1700 at 17, the verified user's saved Santander CLABE.
import { digestApiKey } from './api-key-digest.ts';
import type { ContractFixtures } from './load-fixtures.ts';
import type { Market, Partner, Quote, Receiver, ReferenceState, SavedBankAccount, User } from './reference-state.ts';
import { payoutCountriesFromSpec } from '../spec/payout-countries.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';

// Far enough ahead that no run of the suite ever sees the valid quote expire.
const farFuture = new Date('9999-12-31T23:59:59.999Z');
const longAgo = new Date('2020-01-01T00:00:00.000Z');

const stableTokens = ['USDC', 'USDT'];
const stableChains = ['POL', 'SOL', 'ETH'];

function seedMarket(fixtures: ContractFixtures): Market {
  const nonStable = fixtures.tokens.nonStable;
  const { exchangeRates } = fixtures.partnerAgreement;
  return {
    // The currencies the agreement prices (checkConsistency: every stable token has a rate for each).
    enabledFiatCurrencies: new Set(Object.values(exchangeRates).flatMap((rates) => Object.keys(rates))),
    enabledChainTokens: new Set([
      ...stableChains.flatMap((chain) => stableTokens.map((token) => `${chain}/${token}`)),
      // Known, enabled tokens that are not stable coins: they reach INVALID_TOKEN_OPERATION_ERROR.
      `POL/${nonStable}`,
      'ETH/ETH',
      'SOL/SOL',
    ]),
    stableTokens: new Set(stableTokens),
    exchangeRates,
    payoutCountry: payoutCountriesFromSpec(loadBundledSpec()),
  };
}

function seedPartners(fixtures: ContractFixtures): Partner[] {
  const { apiKeys } = fixtures;
  const { fiatLimits, cryptoLimits } = fixtures.partnerAgreement;
  const partnerLimits = { fiatLimits, cryptoLimits };
  return [
    { id: 'partner-main', apiKeyDigest: digestApiKey(apiKeys.valid), offRampFlow: true, ...partnerLimits },
    { id: 'partner-other', apiKeyDigest: digestApiKey(apiKeys.otherPartner), offRampFlow: true, ...partnerLimits },
    { id: 'partner-without-off-ramp', apiKeyDigest: digestApiKey(apiKeys.invalidFlow), offRampFlow: false, ...partnerLimits },
  ];
}

function seedUsers({ users }: ContractFixtures): User[] {
  const main = new Set(['partner-main']);
  return [
    // Onboarded through both partners, so that a bank account it saved via the other partner exists.
    { id: users.verified, partnerIds: new Set(['partner-main', 'partner-other']), kycVerified: true, receiverAccount: false },
    { id: users.unverified, partnerIds: main, kycVerified: false, receiverAccount: false },
    { id: users.receiverAccount, partnerIds: main, kycVerified: true, receiverAccount: true },
    { id: users.other, partnerIds: main, kycVerified: true, receiverAccount: false },
  ];
}

function seedQuotes({ quotes, users }: ContractFixtures): Quote[] {
  const mxnPolUsdc = {
    partnerId: 'partner-main',
    userId: users.verified,
    fiatCurrency: 'MXN',
    blockchainSymbol: 'POL',
    tokenSymbol: 'USDC',
    fiatAmount: 1700,
    cryptoAmount: 100,
    exchangeRate: 17,
  };
  return [
    { id: quotes.valid, ...mxnPolUsdc, transactionType: 'OFF_RAMP', expiresAt: farFuture },
    { id: quotes.expired, ...mxnPolUsdc, transactionType: 'OFF_RAMP', expiresAt: longAgo },
    { id: quotes.onRamp, ...mxnPolUsdc, transactionType: 'ON_RAMP', expiresAt: farFuture },
  ];
}

function seedSavedBankAccounts({ bankInformation, users }: ContractFixtures): SavedBankAccount[] {
  return [
    {
      id: bankInformation.owned,
      partnerId: 'partner-main',
      userId: users.verified,
      account: { country: 'MX', accountIdentifier: '014180055555555550', bankName: 'Banco Santander Mexico', isVerified: true },
    },
    {
      id: bankInformation.otherUser,
      partnerId: 'partner-main',
      userId: users.other,
      account: { country: 'MX', accountIdentifier: '002010077777777771', bankName: 'Banco Nacional de Mexico', isVerified: true },
    },
    {
      id: bankInformation.otherPartner,
      partnerId: 'partner-other',
      userId: users.verified,
      account: { country: 'MX', accountIdentifier: '072580001111111115', bankName: 'Banorte', isVerified: true },
    },
  ];
}

function seedReceivers({ receivers, users }: ContractFixtures): Receiver[] {
  return [
    { id: receivers.verified, partnerId: 'partner-main', userId: users.verified, verified: true },
    { id: receivers.unverified, partnerId: 'partner-main', userId: users.verified, verified: false },
    { id: receivers.otherUser, partnerId: 'partner-main', userId: users.other, verified: true },
  ];
}

const byLowerCaseId = <T extends { id: string }>(records: T[]): Map<string, T> => new Map(records.map((record) => [record.id.toLowerCase(), record]));

/** Fails at start, not per request, when the fixtures contradict what the state needs. */
function checkConsistency(state: ReferenceState, fixtures: ContractFixtures): void {
  const problems: string[] = [];
  const { market } = state;
  if (market.enabledFiatCurrencies.has(fixtures.fiatCurrencies.unavailable)) problems.push('fiatCurrencies.unavailable names an enabled currency');
  if ([...market.enabledChainTokens].some((pair) => pair.startsWith(`${fixtures.blockchains.unavailable}/`)))
    problems.push('blockchains.unavailable names an enabled chain');
  if (market.stableTokens.has(fixtures.tokens.nonStable)) problems.push('tokens.nonStable names a stable coin');
  for (const token of market.stableTokens) {
    for (const fiat of market.enabledFiatCurrencies)
      if (!((market.exchangeRates[token]?.[fiat] ?? 0) > 0)) problems.push(`no exchange rate for ${token} in ${fiat}`);
  }
  for (const partner of state.partners) {
    for (const [name, limits] of [
      ['fiat', partner.fiatLimits],
      ['crypto', partner.cryptoLimits],
    ] as const) {
      // Limits are written into messages as plain decimals and must keep derived amounts above zero.
      if (!(limits.min > 0 && limits.min <= limits.max) || !/^\d+(\.\d+)?$/.test(`${limits.min}${limits.max}`))
        problems.push(`${partner.id} has bad ${name} limits`);
    }
  }
  const main = state.partners[0]!;
  if (fixtures.amounts.fiatOutOfRange >= main.fiatLimits.min && fixtures.amounts.fiatOutOfRange <= main.fiatLimits.max)
    problems.push('amounts.fiatOutOfRange is within the fiat limits');
  if (fixtures.amounts.cryptoOutOfRange >= main.cryptoLimits.min && fixtures.amounts.cryptoOutOfRange <= main.cryptoLimits.max)
    problems.push('amounts.cryptoOutOfRange is within the crypto limits');
  if (problems.length > 0) throw new Error(`Cannot seed the reference state: ${problems.join('; ')}`);
}

/** The reference implementation's state, seeded from the fixtures. */
export function seedState(fixtures: ContractFixtures): ReferenceState {
  const state: ReferenceState = {
    partners: seedPartners(fixtures),
    users: byLowerCaseId(seedUsers(fixtures)),
    quotes: byLowerCaseId(seedQuotes(fixtures)),
    savedBankAccounts: byLowerCaseId(seedSavedBankAccounts(fixtures)),
    receivers: byLowerCaseId(seedReceivers(fixtures)),
    market: seedMarket(fixtures),
  };
  checkConsistency(state, fixtures);
  return state;
}
