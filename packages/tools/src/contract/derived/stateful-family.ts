// The family `stateful`: each check that needs the server's state (KYC, the quote's state and
// owner, the saved account's owner and country, the receiver) under every pricing source and bank
// source, with and without a receiver; and each valid combination on its own, which must create.
import { payoutCountriesFromSpec } from '../../spec/payout-countries.ts';
import type { Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type Expectation, type RequestBody } from './derivation-context.ts';
import { type RequestBase, requestBases } from './request-bases.ts';

export const statefulFamily = 'stateful';

interface StatefulFault {
  name: string;
  summary: string;
  appliesTo(base: RequestBase): boolean;
  change(body: RequestBody, context: DerivationContext): void;
  expected: Expectation;
  /** The key to send instead of `apiKeys.valid`. */
  apiKeyFixture?: string;
}

const always = () => true;

/** A currency that does not pay out to the country of the spec's saved account (QuoteWithSavedBank's). */
function otherCurrency(context: DerivationContext): { currency: string; account: RequestBody } | undefined {
  const quoted = context.named.find((s) => s.family === 'created' && (s.requestBody as RequestBody).userBankInformationId !== undefined);
  const country = (quoted?.responseExample as { data?: { bankAccount?: { country?: string } } })?.data?.bankAccount?.country;
  const payout = payoutCountriesFromSpec(context.spec);
  for (const scenario of context.named) {
    const body = scenario.requestBody as RequestBody;
    const currency = body.fiatCurrency;
    if (scenario.family !== 'created' || typeof currency !== 'string' || !body.userBankInformation) continue;
    if (country && !payout[currency]?.countries.includes(country)) return { currency, account: body.userBankInformation as RequestBody };
  }
  return undefined;
}

function statefulFaults(context: DerivationContext): StatefulFault[] {
  const other = otherCurrency(context);
  const set = (field: string, fixture: string) => (body: RequestBody) => {
    body[field] = context.fixture(fixture);
  };
  return [
    {
      name: 'UserNotVerified',
      summary: 'a user without KYC',
      appliesTo: always,
      change: set('userId', 'users.unverified'),
      expected: { row: 'UserNotVerified' },
    },
    // An id that names no user (the unknown saved account's): answered as an unverified user.
    {
      name: 'UnknownUser',
      summary: 'an id that names no user',
      appliesTo: always,
      change: set('userId', 'bankInformation.unknown'),
      expected: { row: 'UserNotVerified' },
    },
    {
      name: 'ReceiverCannotInitiate',
      summary: "a receiver's own account as the user",
      appliesTo: always,
      change: set('userId', 'users.receiverAccount'),
      expected: { row: 'ReceiverCannotInitiate' },
    },
    {
      name: 'QuoteExpired',
      summary: 'an expired quote',
      appliesTo: (b) => b.pricing === 'quote',
      change: set('quoteId', 'quotes.expired'),
      expected: { row: 'QuoteExpired' },
    },
    {
      name: 'QuoteNotOffRamp',
      summary: 'a quote for another operation',
      appliesTo: (b) => b.pricing === 'quote',
      change: set('quoteId', 'quotes.onRamp'),
      expected: { row: 'QuoteNotOffRamp' },
    },
    {
      name: 'QuoteOfOtherUser',
      summary: "another user's request with the verified user's quote",
      appliesTo: (b) => b.pricing === 'quote',
      change: set('userId', 'users.other'),
      expected: { row: 'QuoteNotOffRamp' },
    },
    {
      // The verified user is also another partner's (the fixtures' bankInformation.otherPartner).
      name: 'QuoteOfOtherPartner',
      summary: "another partner's request with this partner's quote",
      appliesTo: (b) => b.pricing === 'quote',
      change: () => {},
      apiKeyFixture: 'apiKeys.otherPartner',
      expected: { row: 'QuoteNotOffRamp' },
    },
    {
      name: 'ReceiverOfOtherPartner',
      summary: "another partner's request with this partner's receiver",
      appliesTo: (b) => !b.receiver && b.pricing !== 'quote' && b.bank === 'inline',
      change: set('receiverId', 'receivers.verified'),
      apiKeyFixture: 'apiKeys.otherPartner',
      expected: { row: 'ReceiverNotFound' },
    },
    {
      name: 'BankInformationNotFound',
      summary: 'an unknown saved account',
      appliesTo: (b) => b.bank === 'saved',
      change: set('userBankInformationId', 'bankInformation.unknown'),
      expected: { row: 'BankInformationNotFound' },
    },
    {
      name: 'BankInformationOfOtherPartner',
      summary: "a saved account of the user's with another partner",
      appliesTo: (b) => b.bank === 'saved',
      change: set('userBankInformationId', 'bankInformation.otherPartner'),
      expected: { row: 'BankInformationOfOtherPartner' },
    },
    {
      name: 'BankInformationOfOtherUser',
      summary: "another user's saved account",
      appliesTo: (b) => b.bank === 'saved',
      change: set('userBankInformationId', 'bankInformation.otherUser'),
      expected: { row: 'BankInformationOfOtherUser' },
    },
    ...(other
      ? [
          {
            name: 'SavedAccountOfOtherCurrency',
            summary: `a saved account that cannot receive ${other.currency}`,
            appliesTo: (b: RequestBase) => b.bank === 'saved' && b.pricing !== 'quote',
            change: (body: RequestBody) => {
              body.fiatCurrency = other.currency;
            },
            expected: { row: 'InvalidUserInput', detailPaths: ['/userBankInformationId'] },
          },
          {
            name: 'InlineAccountOfOtherCurrency',
            summary: "inline details that cannot receive the quote's currency",
            appliesTo: (b: RequestBase) => b.bank === 'inline' && b.pricing === 'quote',
            change: (body: RequestBody) => {
              body.userBankInformation = structuredClone(other.account);
            },
            expected: { row: 'InvalidUserInput', detailPaths: ['/userBankInformation/country'] },
          },
        ]
      : []),
    {
      name: 'ReceiverNotFound',
      summary: 'an unknown receiver',
      appliesTo: (b) => !b.receiver,
      change: set('receiverId', 'receivers.unknown'),
      expected: { row: 'ReceiverNotFound' },
    },
    {
      name: 'ReceiverOfOtherUser',
      summary: "another user's receiver",
      appliesTo: (b) => !b.receiver,
      change: set('receiverId', 'receivers.otherUser'),
      expected: { row: 'ReceiverOfOtherUser' },
    },
    {
      name: 'ReceiverNotVerified',
      summary: 'a receiver not verified',
      appliesTo: (b) => !b.receiver,
      change: set('receiverId', 'receivers.unverified'),
      expected: { row: 'ReceiverNotVerified' },
    },
  ];
}

export function statefulScenarios(context: DerivationContext): Scenario[] {
  const scenarios: Scenario[] = [];
  const faults = statefulFaults(context);
  for (const base of requestBases(context.named)) {
    scenarios.push(derivedScenario(context, statefulFamily, `${base.name}`, `valid: ${base.name}`, { body: base.body }, { created: true }));
    for (const fault of faults.filter((f) => f.appliesTo(base))) {
      const body = structuredClone(base.body);
      fault.change(body, context);
      const request = { body, ...(fault.apiKeyFixture ? { apiKeyFixture: fault.apiKeyFixture } : {}) };
      scenarios.push(derivedScenario(context, statefulFamily, `${base.name}.${fault.name}`, `${base.name} with ${fault.summary}`, request, fault.expected));
    }
  }
  return scenarios;
}
