// Every partner key against every saved bank account and receiver of the fixtures: a partner can
// use only its own user's resources, and a foreign id is answered exactly as the catalog says,
// with no extra detail (the body is the catalog row and nothing else).
import { describe, expect, test } from 'vitest';
import { catalogError, type CatalogRowName } from '../../packages/client/src/catalog/catalog-error.ts';
import { requestExamples } from '../support/spec.ts';
import { fixtures, useReferenceServer } from '../support/reference-http.ts';

const server = useReferenceServer();
const explicit = requestExamples.FiatAmountToMexico!.value;
const { userBankInformation: _inline, ...withoutBank } = explicit;

type Expected = CatalogRowName | 'created';
const keys = { 'main partner': fixtures.apiKeys.valid, 'other partner': fixtures.apiKeys.otherPartner } as const;

// [key, saved bank account fixture, expected]
const bankCases: [keyof typeof keys, keyof typeof fixtures.bankInformation, Expected][] = [
  ['main partner', 'owned', 'created'],
  ['main partner', 'otherUser', 'BankInformationOfOtherUser'],
  ['main partner', 'otherPartner', 'BankInformationOfOtherPartner'],
  ['main partner', 'unknown', 'BankInformationNotFound'],
  ['other partner', 'owned', 'BankInformationOfOtherPartner'],
  ['other partner', 'otherUser', 'BankInformationOfOtherPartner'],
  ['other partner', 'otherPartner', 'created'],
  ['other partner', 'unknown', 'BankInformationNotFound'],
];

// [key, receiver fixture, expected]: another partner's receivers do not exist for a partner.
const receiverCases: [keyof typeof keys, keyof typeof fixtures.receivers, Expected][] = [
  ['main partner', 'verified', 'created'],
  ['main partner', 'unverified', 'ReceiverNotVerified'],
  ['main partner', 'otherUser', 'ReceiverOfOtherUser'],
  ['main partner', 'unknown', 'ReceiverNotFound'],
  ['other partner', 'verified', 'ReceiverNotFound'],
  ['other partner', 'unverified', 'ReceiverNotFound'],
  ['other partner', 'otherUser', 'ReceiverNotFound'],
  ['other partner', 'unknown', 'ReceiverNotFound'],
];

async function expectAnswer(key: string, body: unknown, expected: Expected) {
  const reply = await server.send({ body, headers: { 'partner-api-key': key } });
  if (expected === 'created') {
    expect(reply.status, reply.text).toBe(201);
    return;
  }
  const { status, code, message } = catalogError(expected);
  expect([reply.status, reply.json]).toEqual([status, { success: false, error: { code, message } }]);
}

describe('cross-ownership', () => {
  test.each(bankCases)('%s with saved bank account %s: %s', async (key, bank, expected) => {
    await expectAnswer(keys[key], { ...withoutBank, userBankInformationId: fixtures.bankInformation[bank] }, expected);
  });

  test.each(receiverCases)('%s with receiver %s: %s', async (key, receiver, expected) => {
    await expectAnswer(keys[key], { ...explicit, receiverId: fixtures.receivers[receiver] }, expected);
  });

  test("another partner's quote is not valid for it", async () => {
    await expectAnswer(keys['other partner'], requestExamples.QuoteWithSavedBank!.value, 'QuoteNotOffRamp');
  });
});
