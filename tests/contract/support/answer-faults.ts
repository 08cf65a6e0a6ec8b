// Every kind of deviation the contract suite must catch, each applied to one scenario's answer.
// The suite meets implementations it has never seen, so this list goes beyond the schema:
// answers that are schema-valid but the wrong catalog row, or a transaction that is not the one
// the request asked for.
import { responseExamples } from '../../support/spec.ts';
import type { Answer, Fault } from './fault-injecting-proxy.ts';
import type { CheckId } from '../../../packages/tools/src/contract/checks/check-ids.ts';

type Json = any;

type CaughtBy = CheckId | readonly [CheckId, string];
const caught = (by: CaughtBy) => (typeof by === 'string' ? { caughtBy: by } : { caughtBy: by[0], subject: by[1] });

/** A fault that rewrites the JSON body (reading the earlier answers of the scenarios in `reads`). */
const onBody = (
  kind: string,
  scenario: string,
  by: CaughtBy,
  change: (body: Json, earlier: ReadonlyMap<string, Answer>) => void,
  reads: readonly string[] = [],
): Fault => ({
  kind,
  scenario,
  ...caught(by),
  reads,
  apply(answer, earlier) {
    const body = JSON.parse(answer.body);
    change(body, earlier);
    return { ...answer, body: JSON.stringify(body) };
  },
});

const withHeader = (kind: string, scenario: string, caughtBy: CheckId, contentType: string | undefined): Fault => ({
  kind,
  scenario,
  caughtBy,
  apply(answer) {
    const headers = { ...answer.headers };
    if (contentType === undefined) delete headers['content-type'];
    else headers['content-type'] = contentType;
    return { ...answer, headers };
  },
});

const bodyOf = (scenario: string): Json => structuredClone(responseExamples[scenario]!.value);
const dataOf = (earlier: ReadonlyMap<string, Answer>, scenario: string): Json => JSON.parse(earlier.get(scenario)!.body).data;

export const answerFaults: Fault[] = [
  // HTTP level
  { kind: 'wrong status (error)', scenario: 'ReceiverNotFound', caughtBy: 'status', apply: (a) => ({ ...a, status: 400 }) },
  { kind: 'wrong status (success)', scenario: 'CryptoAmountToSepa', caughtBy: 'status', apply: (a) => ({ ...a, status: 200 }) },
  withHeader('wrong content type (error)', 'ApiKeyUnknown', 'content-type', 'application/problem+json'),
  withHeader('wrong content type (success)', 'FiatAmountToUnitedStates', 'content-type', 'text/plain'),
  withHeader('no content type', 'ApiKeyMalformed', 'content-type', undefined),
  withHeader('a charset other than UTF-8', 'UserNotVerified', 'content-type', 'application/json; charset=iso-8859-1'),
  { kind: 'a body that is not JSON', scenario: 'BankSourceMissing', caughtBy: 'json-body', apply: (a) => ({ ...a, body: 'Bad Request' }) },
  // What Node's HTTP server sends by itself for oversized headers: the right status, no envelope.
  {
    kind: 'a bare 431 without a body',
    scenario: 'RequestHeadersTooLarge',
    caughtBy: 'content-type',
    apply: () => ({ status: 431, headers: { connection: 'close' }, body: '' }),
  },

  // Schema level
  onBody('a missing required field (success)', 'CryptoAmountToDominicanRepublic', 'response-schema', (b) => delete b.data.destinationWalletAddress),
  onBody('a missing required field (error)', 'QuoteNotOffRamp', 'response-schema', (b) => delete b.success),
  onBody('a wrong type', 'FiatAmountToMexico', 'response-schema', (b) => (b.data.fiatAmount = String(b.data.fiatAmount))),
  onBody('a value outside its enum', 'FiatAmountToUnitedStates', 'response-schema', (b) => (b.data.bankAccount.accountType = 'CURRENT')),
  onBody('a value outside its format (date-time)', 'PayoutToReceiver', 'response-schema', (b) => (b.data.createdAt = '26/11/2026 10:15')),
  onBody('a value outside its format (uuid)', 'QuoteWithSavedBank', 'response-schema', (b) => (b.data.id = 'txn-000123')),
  onBody('an unknown property', 'ReceiverOfOtherUser', 'response-schema', (b) => (b.error.hint = 'ask the user')),
  onBody('a wallet address of the wrong chain', 'CryptoAmountToSepa', 'response-schema', (b) => (b.data.destinationWalletAddress = `0x${'ab'.repeat(20)}`)),

  // Catalog level
  onBody('a wrong error code', 'QuoteExpired', 'catalog-code', (b) => (b.error.code = 'BAD_REQUEST')),
  onBody('a wrong message', 'ReceiverNotVerified', 'catalog-message', (b) => (b.error.message = `${b.error.message}.`)),
  onBody(
    'a range message off its template',
    'TokenAmountOutOfRange',
    'catalog-message',
    (b) => (b.error.message = b.error.message.replace(/between \S+/, 'between five')),
  ),
  {
    kind: 'the body of another catalog row (same status and code)',
    scenario: 'BankInformationOfOtherUser',
    caughtBy: 'catalog-message',
    apply: (a) => ({ ...a, body: JSON.stringify(bodyOf('BankInformationOfOtherPartner')) }),
  },
  {
    kind: 'the body of another catalog row (same status)',
    scenario: 'FiatCurrencyUnavailable',
    caughtBy: 'catalog-message',
    apply: (a) => ({ ...a, body: JSON.stringify(bodyOf('ChainTokenUnavailable')) }),
  },
  {
    kind: 'the answer of another catalog row (other status)',
    scenario: 'InvalidPartnerFlow',
    caughtBy: 'catalog-code',
    apply: (a) => ({ ...a, status: 401, body: JSON.stringify(bodyOf('ApiKeyUnknown')) }),
  },
  onBody('details on an error that has none', 'UserIdMissing', 'response-schema', (b) => (b.error.details = [{ path: '/userId', message: 'is required' }])),
  onBody(
    'details that point at another field',
    'InvalidUserInput',
    ['catalog-details', 'error.details[].path'] as const,
    (b) => (b.error.details = [{ path: '/fiatAmount', message: 'must be a number' }]),
  ),
  {
    kind: 'an oversized body answered as invalid input',
    scenario: 'PayloadTooLarge',
    caughtBy: 'catalog-code',
    apply: (a) => ({
      ...a,
      status: 400,
      body: JSON.stringify({
        success: false,
        error: { code: 'INVALID_USER_INPUT_ERROR', message: 'Invalid User Input', details: [{ path: '', message: 'body too large' }] },
      }),
    }),
  },
  {
    kind: 'an error where a transaction was due',
    scenario: 'FiatAmountToUnitedStates',
    caughtBy: 'created-not-error',
    apply: (a) => ({ ...a, body: JSON.stringify(bodyOf('UserNotVerified')) }),
  },
  {
    kind: 'a transaction where an error was due',
    scenario: 'ChainTokenUnavailable',
    caughtBy: 'status',
    reads: ['FiatAmountToMexico'],
    apply: (a, earlier) => ({ ...a, status: 201, body: earlier.get('FiatAmountToMexico')!.body }),
  },

  // Consistency with the request and across the run
  onBody('the requested amount not echoed', 'FiatAmountToUnitedStates', ['transaction-echo', 'data.fiatAmount'] as const, (b) => {
    b.data.fiatAmount = 1999.99;
    b.data.cryptoAmount = Number((1999.99 / b.data.exchangeRate).toFixed(6));
  }),
  onBody('another user', 'CryptoAmountToSepa', ['transaction-echo', 'data.userId'] as const, (b) => (b.data.userId = 'ed6323b0-fb44-40af-81dc-eb106de22d31')),
  onBody('the receiver dropped', 'PayoutToReceiver', ['transaction-echo', 'data.receiverId'] as const, (b) => (b.data.receiverId = null)),
  onBody('the premium spread not echoed', 'FiatAmountToMexico', ['transaction-echo', 'data.premiumSpread'] as const, (b) => (b.data.premiumSpread = 0)),
  onBody(
    'inline bank details not echoed',
    'FiatAmountToMexico',
    ['transaction-echo', 'data.bankAccount.accountIdentifier'] as const,
    (b) => (b.data.bankAccount.accountIdentifier = '002010077777777771'),
  ),
  onBody(
    "a currency other than the request's",
    'CryptoAmountToDominicanRepublic',
    ['transaction-echo', 'data.fiatCurrency'] as const,
    (b) => (b.data.fiatCurrency = 'USD'),
  ),
  onBody('a payout to an account of another country', 'QuoteWithSavedBank', 'transaction-payout-country', (b) => {
    b.data.bankAccount = { country: 'US', accountIdentifier: '123456789012', bankName: 'JPMorgan Chase Bank', routingNumber: '021000021', isVerified: true };
  }),
  onBody('a fiat amount that is not crypto x rate', 'QuoteWithSavedBank', 'transaction-amounts', (b) => (b.data.fiatAmount += 100)),
  onBody(
    'the wallet address of another transaction',
    'QuoteWithSavedBank',
    ['unique-in-run', 'data.destinationWalletAddress'] as const,
    (b, earlier) => {
      b.data.destinationWalletAddress = dataOf(earlier, 'FiatAmountToMexico').destinationWalletAddress.toUpperCase().replace(/^0X/, '0x');
    },
    ['FiatAmountToMexico'],
  ),
  onBody('a createdAt a day before the request', 'FiatAmountToUnitedStates', ['created-at', 'data.createdAt is the time of the request'] as const, (b) => {
    b.data.createdAt = new Date(Date.parse(b.data.createdAt) - 86_400_000).toISOString();
  }),
  onBody('a createdAt not in UTC', 'CryptoAmountToSepa', ['created-at', 'data.createdAt is in UTC'] as const, (b) => {
    // The same instant, written with an offset of +01:00.
    b.data.createdAt = new Date(Date.parse(b.data.createdAt) + 3_600_000).toISOString().replace('Z', '+01:00');
  }),
  onBody(
    'the id of another transaction',
    'CryptoAmountToDominicanRepublic',
    ['unique-in-run', 'data.id'] as const,
    (b, earlier) => (b.data.id = dataOf(earlier, 'QuoteWithSavedBank').id),
    ['QuoteWithSavedBank'],
  ),
];
