// The response schemas are as strict as the contract tests need: each deviation below is rejected.
import { describe, expect, test } from 'vitest';
import { clone, responseExamples, validatorOf } from '../support/spec.ts';

const created = validatorOf('OffRampCreatedResponse');
const evm = responseExamples.FiatAmountToMexico!.value;
const solana = responseExamples.CryptoAmountToSepa!.value;

/** Copy of a response with one change at a dotted path; `undefined` deletes the key. */
function changed(body: any, path: string, value: unknown): any {
  const copy = clone(body);
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((node, key) => node[key], copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const createdDeviations: [string, unknown][] = [
  ['success is false', changed(evm, 'success', false)],
  ['no data', changed(evm, 'data', undefined)],
  ['an extra envelope field', changed(evm, 'error', null)],
  ['id is not a UUID', changed(evm, 'data.id', 'tx-1')],
  ['status is not PENDING_PAYMENT', changed(evm, 'data.status', 'COMPLETED')],
  ['completedAt is set at creation', changed(evm, 'data.completedAt', '2026-11-26T10:15:30.000Z')],
  ['createdAt is not a date-time', changed(evm, 'data.createdAt', 'yesterday')],
  ['cryptoAmount is a string', changed(evm, 'data.cryptoAmount', '89.1')],
  ['fiatAmount is zero', changed(evm, 'data.fiatAmount', 0)],
  ['exchangeRate is missing', changed(evm, 'data.exchangeRate', undefined)],
  ['receiverId is missing (must be null when none)', changed(evm, 'data.receiverId', undefined)],
  ['an unknown transaction field', changed(evm, 'data.fee', 1)],
  ['an EVM chain with a Solana address', changed(evm, 'data.destinationWalletAddress', solana.data.destinationWalletAddress)],
  ['Solana with an EVM address', changed(solana, 'data.destinationWalletAddress', evm.data.destinationWalletAddress)],
  ['a wallet address of the wrong length', changed(evm, 'data.destinationWalletAddress', '0x1234')],
  ['bankAccount without isVerified', changed(evm, 'data.bankAccount.isVerified', undefined)],
  ['an MX bank account with an IBAN', changed(evm, 'data.bankAccount.iban', 'DE89370400440532013000')],
  ['a SEPA bank account without BIC', changed(solana, 'data.bankAccount.bic', undefined)],
];

describe('201 response schema', () => {
  test('the examples pass', () => {
    expect(created(evm)).toBe(true);
    expect(created(solana)).toBe(true);
  });
  test.each(createdDeviations)('rejects %s', (_name, body) => {
    expect(created(body)).toBe(false);
  });
});

const quoteExpired = responseExamples.QuoteExpired!.value;
const invalidInput = responseExamples.InvalidUserInput!.value;
const notFound = responseExamples.ReceiverNotFound!.value;

const errorDeviations: [string, string, unknown][] = [
  ['success is true', 'BadRequestError', changed(quoteExpired, 'success', true)],
  ['a code outside the catalog', 'BadRequestError', changed(quoteExpired, 'error.code', 'EXPIRED')],
  ['a message that is not the row message', 'BadRequestError', changed(quoteExpired, 'error.message', 'Quote expired')],
  ['a row of another status (404 row in a 400)', 'BadRequestError', notFound],
  ['a row of another status (400 row in a 404)', 'NotFoundError', quoteExpired],
  ['details on a row that has none', 'BadRequestError', changed(quoteExpired, 'error.details', invalidInput.error.details)],
  ['INVALID_USER_INPUT_ERROR without details', 'BadRequestError', changed(invalidInput, 'error.details', undefined)],
  ['an empty details list', 'BadRequestError', changed(invalidInput, 'error.details', [])],
  ['a detail path that is not a JSON pointer', 'BadRequestError', changed(invalidInput, 'error.details', [{ path: 'userId', message: 'x' }])],
  [
    'an unfilled range template',
    'BadRequestError',
    changed(
      responseExamples.FiatAmountOutOfRange!.value,
      'error.message',
      'Fiat amount is outside of the allowed range for OFF_RAMP. Should be between {min} and {max}',
    ),
  ],
  ['an extra error field', 'BadRequestError', changed(quoteExpired, 'error.stack', 'at ...')],
];

describe('error response schemas', () => {
  test.each(errorDeviations)('rejects %s', (_name, schemaName, body) => {
    expect(validatorOf(schemaName)(body)).toBe(false);
  });
});
