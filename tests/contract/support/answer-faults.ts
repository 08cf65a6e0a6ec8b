// Every kind of deviation the contract suite must catch, each applied to one scenario's answer.
// The suite meets implementations it has never seen, so this list goes beyond the schema:
// answers that are schema-valid but the wrong catalog row, or a transaction that is not the one
// the request asked for.
import { responseExamples } from '../../support/spec.ts';
import type { Answer, Fault } from './fault-injecting-proxy.ts';

type Json = any;

/** A fault that rewrites the JSON body. */
const onBody = (kind: string, scenario: string, caughtBy: string, change: (body: Json, earlier: ReadonlyMap<string, Answer>) => void): Fault => ({
  kind,
  scenario,
  caughtBy,
  apply(answer, earlier) {
    const body = JSON.parse(answer.body);
    change(body, earlier);
    return { ...answer, body: JSON.stringify(body) };
  },
});

const withHeader = (kind: string, scenario: string, caughtBy: string, contentType: string | undefined): Fault => ({
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
  withHeader('wrong content type (error)', 'ApiKeyUnknown', 'Content-Type', 'application/problem+json'),
  withHeader('wrong content type (success)', 'FiatAmountToUnitedStates', 'Content-Type', 'text/plain'),
  withHeader('no content type', 'ApiKeyMalformed', 'Content-Type', undefined),
  withHeader('a charset other than UTF-8', 'UserNotVerified', 'Content-Type', 'application/json; charset=iso-8859-1'),
  { kind: 'a body that is not JSON', scenario: 'BankSourceMissing', caughtBy: 'body is JSON', apply: (a) => ({ ...a, body: 'Bad Request' }) },
  // What Node's HTTP server sends by itself for oversized headers: the right status, no envelope.
  {
    kind: 'a bare 431 without a body',
    scenario: 'RequestHeadersTooLarge',
    caughtBy: 'Content-Type',
    apply: () => ({ status: 431, headers: { connection: 'close' }, body: '' }),
  },

  // Schema level
  onBody('a missing required field (success)', 'CryptoAmountToDominicanRepublic', 'schema', (b) => delete b.data.destinationWalletAddress),
  onBody('a missing required field (error)', 'QuoteNotOffRamp', 'schema', (b) => delete b.success),
  onBody('a wrong type', 'FiatAmountToMexico', 'schema', (b) => (b.data.fiatAmount = String(b.data.fiatAmount))),
  onBody('a value outside its enum', 'FiatAmountToUnitedStates', 'schema', (b) => (b.data.bankAccount.accountType = 'CURRENT')),
  onBody('a value outside its format (date-time)', 'PayoutToReceiver', 'schema', (b) => (b.data.createdAt = '26/11/2026 10:15')),
  onBody('a value outside its format (uuid)', 'QuoteWithSavedBank', 'schema', (b) => (b.data.id = 'txn-000123')),
  onBody('an unknown property', 'ReceiverOfOtherUser', 'schema', (b) => (b.error.hint = 'ask the user')),
  onBody('a wallet address of the wrong chain', 'CryptoAmountToSepa', 'schema', (b) => (b.data.destinationWalletAddress = `0x${'ab'.repeat(20)}`)),

  // Catalog level
  onBody('a wrong error code', 'QuoteExpired', 'error.code', (b) => (b.error.code = 'BAD_REQUEST')),
  onBody('a wrong message', 'ReceiverNotVerified', 'error.message', (b) => (b.error.message = `${b.error.message}.`)),
  onBody(
    'a range message off its template',
    'TokenAmountOutOfRange',
    'error.message',
    (b) => (b.error.message = b.error.message.replace(/between \S+/, 'between five')),
  ),
  {
    kind: 'the body of another catalog row (same status and code)',
    scenario: 'BankInformationOfOtherUser',
    caughtBy: 'error.message',
    apply: (a) => ({ ...a, body: JSON.stringify(bodyOf('BankInformationOfOtherPartner')) }),
  },
  {
    kind: 'the body of another catalog row (same status)',
    scenario: 'FiatCurrencyUnavailable',
    caughtBy: 'error.message',
    apply: (a) => ({ ...a, body: JSON.stringify(bodyOf('ChainTokenUnavailable')) }),
  },
  {
    kind: 'the answer of another catalog row (other status)',
    scenario: 'InvalidPartnerFlow',
    caughtBy: 'error.code',
    apply: (a) => ({ ...a, status: 401, body: JSON.stringify(bodyOf('ApiKeyUnknown')) }),
  },
  onBody('details on an error that has none', 'UserIdMissing', 'schema', (b) => (b.error.details = [{ path: '/userId', message: 'is required' }])),
  onBody(
    'details that point at another field',
    'InvalidUserInput',
    'error.details[].path',
    (b) => (b.error.details = [{ path: '/fiatAmount', message: 'must be a number' }]),
  ),
  {
    kind: 'an oversized body answered as invalid input',
    scenario: 'PayloadTooLarge',
    caughtBy: 'error.code',
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
    kind: 'a transaction where an error was due',
    scenario: 'ChainTokenUnavailable',
    caughtBy: 'status',
    apply: (a, earlier) => ({ ...a, status: 201, body: earlier.get('FiatAmountToMexico')!.body }),
  },

  // Consistency with the request and across the run
  onBody('the requested amount not echoed', 'FiatAmountToUnitedStates', 'exactly the requested amount', (b) => {
    b.data.fiatAmount = 1999.99;
    b.data.cryptoAmount = Number((1999.99 / b.data.exchangeRate).toFixed(6));
  }),
  onBody('another user', 'CryptoAmountToSepa', 'data.userId', (b) => (b.data.userId = 'ed6323b0-fb44-40af-81dc-eb106de22d31')),
  onBody('the receiver dropped', 'PayoutToReceiver', 'data.receiverId', (b) => (b.data.receiverId = null)),
  onBody('the premium spread not echoed', 'FiatAmountToMexico', 'data.premiumSpread', (b) => (b.data.premiumSpread = 0)),
  onBody(
    'inline bank details not echoed',
    'FiatAmountToMexico',
    'data.bankAccount.accountIdentifier',
    (b) => (b.data.bankAccount.accountIdentifier = '002010077777777771'),
  ),
  onBody("a currency other than the request's", 'CryptoAmountToDominicanRepublic', 'data.fiatCurrency', (b) => (b.data.fiatCurrency = 'USD')),
  onBody('a payout to an account of another country', 'QuoteWithSavedBank', 'pays out to', (b) => {
    b.data.bankAccount = { country: 'US', accountIdentifier: '123456789012', bankName: 'JPMorgan Chase Bank', routingNumber: '021000021', isVerified: true };
  }),
  onBody('a fiat amount that is not crypto x rate', 'QuoteWithSavedBank', 'cryptoAmount x data.exchangeRate', (b) => (b.data.fiatAmount += 100)),
  onBody('the wallet address of another transaction', 'QuoteWithSavedBank', 'destinationWalletAddress is unique', (b, earlier) => {
    b.data.destinationWalletAddress = dataOf(earlier, 'FiatAmountToMexico').destinationWalletAddress.toUpperCase().replace(/^0X/, '0x');
  }),
  onBody('a createdAt a day before the request', 'FiatAmountToUnitedStates', 'data.createdAt is the time of the request', (b) => {
    b.data.createdAt = new Date(Date.parse(b.data.createdAt) - 86_400_000).toISOString();
  }),
  onBody('a createdAt not in UTC', 'CryptoAmountToSepa', 'data.createdAt is in UTC', (b) => {
    // The same instant, written with an offset of +01:00.
    b.data.createdAt = new Date(Date.parse(b.data.createdAt) + 3_600_000).toISOString().replace('Z', '+01:00');
  }),
  onBody(
    'the id of another transaction',
    'CryptoAmountToDominicanRepublic',
    'data.id is unique',
    (b, earlier) => (b.data.id = dataOf(earlier, 'QuoteWithSavedBank').id),
  ),
];
