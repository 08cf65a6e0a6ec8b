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
  /** A fault that puts a fixture's value into one field (and sends another key, if given). */
  const setFixture = (
    name: string,
    summary: string,
    appliesTo: (base: RequestBase) => boolean,
    field: string,
    fixture: string,
    row: string,
    apiKeyFixture?: string,
  ): StatefulFault => ({ name, summary, appliesTo, change: set(field, fixture), expected: { row }, ...(apiKeyFixture ? { apiKeyFixture } : {}) });
  return [
    setFixture('UserNotVerified', 'a user without KYC', always, 'userId', 'users.unverified', 'UserNotVerified'),
    // An id that names no user (the unknown saved account's): answered as an unverified user.
    setFixture('UnknownUser', 'an id that names no user', always, 'userId', 'bankInformation.unknown', 'UserNotVerified'),
    setFixture('ReceiverCannotInitiate', "a receiver's own account as the user", always, 'userId', 'users.receiverAccount', 'ReceiverCannotInitiate'),
    setFixture('QuoteExpired', 'an expired quote', (b) => b.pricing === 'quote', 'quoteId', 'quotes.expired', 'QuoteExpired'),
    setFixture('QuoteNotOffRamp', 'a quote for another operation', (b) => b.pricing === 'quote', 'quoteId', 'quotes.onRamp', 'QuoteNotOffRamp'),
    setFixture(
      'QuoteOfOtherUser',
      "another user's request with the verified user's quote",
      (b) => b.pricing === 'quote',
      'userId',
      'users.other',
      'QuoteNotOffRamp',
    ),
    {
      // The verified user is also another partner's (the fixtures' bankInformation.otherPartner).
      name: 'QuoteOfOtherPartner',
      summary: "another partner's request with this partner's quote",
      appliesTo: (b) => b.pricing === 'quote',
      change: () => {},
      apiKeyFixture: 'apiKeys.otherPartner',
      expected: { row: 'QuoteNotOffRamp' },
    },
    setFixture(
      'ReceiverOfOtherPartner',
      "another partner's request with this partner's receiver",
      (b) => !b.receiver && b.pricing !== 'quote' && b.bank === 'inline',
      'receiverId',
      'receivers.verified',
      'ReceiverNotFound',
      'apiKeys.otherPartner',
    ),
    setFixture(
      'BankInformationNotFound',
      'an unknown saved account',
      (b) => b.bank === 'saved',
      'userBankInformationId',
      'bankInformation.unknown',
      'BankInformationNotFound',
    ),
    setFixture(
      'BankInformationOfOtherPartner',
      "a saved account of the user's with another partner",
      (b) => b.bank === 'saved',
      'userBankInformationId',
      'bankInformation.otherPartner',
      'BankInformationOfOtherPartner',
    ),
    setFixture(
      'BankInformationOfOtherUser',
      "another user's saved account",
      (b) => b.bank === 'saved',
      'userBankInformationId',
      'bankInformation.otherUser',
      'BankInformationOfOtherUser',
    ),
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
    setFixture('ReceiverNotFound', 'an unknown receiver', (b) => !b.receiver, 'receiverId', 'receivers.unknown', 'ReceiverNotFound'),
    setFixture('ReceiverOfOtherUser', "another user's receiver", (b) => !b.receiver, 'receiverId', 'receivers.otherUser', 'ReceiverOfOtherUser'),
    setFixture('ReceiverNotVerified', 'a receiver not verified', (b) => !b.receiver, 'receiverId', 'receivers.unverified', 'ReceiverNotVerified'),
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
