// What every new transaction gets: a unique id and a unique wallet address in its chain's format,
// prices derived from the seeded rates, a bank account echo, and a quote that stays usable.
import { describe, expect, test } from 'vitest';
import { clone, requestExamples, validatorOf } from '../support/spec.ts';
import { fixtures, useReferenceServer } from '../support/reference-http.ts';

const server = useReferenceServer();
const created = validatorOf('OffRampCreatedResponse');
const explicit = requestExamples.FiatAmountToMexico!.value;
const quoted = requestExamples.QuoteWithSavedBank!.value;

const evmAddress = /^0x[0-9a-fA-F]{40}$/;
const solanaAddress = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function create(body: unknown) {
  const reply = await server.send({ body });
  expect(reply.status, reply.text).toBe(201);
  expect(created(reply.json), JSON.stringify(created.errors)).toBe(true);
  return reply.json.data;
}

describe('ids and destination wallet addresses', () => {
  test('are unique across 300 creations and in the format of each chain', async () => {
    const chains = ['POL', 'ETH', 'SOL'];
    const transactions = [];
    for (let i = 0; i < 300; i++) {
      const blockchainSymbol = chains[i % chains.length]!;
      transactions.push(await create({ ...clone(explicit), blockchainSymbol, tokenSymbol: i % 2 ? 'USDT' : 'USDC' }));
    }
    expect(new Set(transactions.map((t) => t.id)).size).toBe(300);
    expect(new Set(transactions.map((t) => t.destinationWalletAddress.toLowerCase())).size).toBe(300);
    for (const t of transactions) {
      expect(t.id).toMatch(uuidV4);
      expect(t.destinationWalletAddress).toMatch(t.blockchainSymbol === 'SOL' ? solanaAddress : evmAddress);
    }
  });
});

describe('quotes', () => {
  test('a valid quote can be used again and again: the catalog has no "already used" error', async () => {
    const first = await create(quoted);
    const second = await create(quoted);
    expect(second.id).not.toBe(first.id);
    expect([first.cryptoAmount, first.fiatAmount, second.cryptoAmount, second.fiatAmount]).toEqual([100, 1700, 100, 1700]);
  });

  test("a premium spread on a quoted request lowers the rate and the fiat paid, not the quote's tokens", async () => {
    const data = await create({ ...quoted, premiumSpread: 0.01 });
    expect([data.cryptoAmount, data.fiatAmount, data.exchangeRate, data.premiumSpread]).toEqual([100, 1683, 16.83, 0.01]);
  });
});

describe('prices', () => {
  // [case, request changes, expected cryptoAmount, fiatAmount, exchangeRate]
  const rows: [string, Record<string, unknown>, number, number, number][] = [
    ['fiat amount echoed, tokens derived to 6 decimals', { fiatAmount: 1234.56 }, 72.621176, 1234.56, 17],
    ['crypto amount echoed, fiat derived to 2 decimals', { fiatAmount: undefined, cryptoAmount: 33.333333 }, 33.333333, 566.67, 17],
    ['premium spread lowers the rate', { premiumSpread: 0.05 }, 92.879257, 1500, 16.15],
    ['USDT is priced like USDC', { tokenSymbol: 'USDT' }, 88.235294, 1500, 17],
  ];
  test.each(rows)('%s', async (_case, changes, cryptoAmount, fiatAmount, exchangeRate) => {
    const body: Record<string, unknown> = { ...clone(explicit), premiumSpread: undefined, ...changes };
    const data = await create(JSON.parse(JSON.stringify(body)));
    expect([data.cryptoAmount, data.fiatAmount, data.exchangeRate]).toEqual([cryptoAmount, fiatAmount, exchangeRate]);
  });

  test('a derived amount outside the limits is answered like a named one (10 USDC pays 9.20 EUR, under the minimum of 10)', async () => {
    const sepa = requestExamples.CryptoAmountToSepa!.value;
    const reply = await server.send({ body: { ...sepa, cryptoAmount: 10 } });
    expect([reply.status, reply.json.error.code, reply.json.error.message]).toEqual([
      400,
      'INVALID_FIAT_AMOUNT_ERROR',
      'Fiat amount is outside of the allowed range for OFF_RAMP. Should be between 10 and 100000',
    ]);
  });
});

describe('bank account echo', () => {
  test('a first-time inline CLABE is not verified yet (penny test pending)', async () => {
    expect((await create(explicit)).bankAccount).toEqual({ country: 'MX', accountIdentifier: '012180012345678909', isVerified: false });
  });

  test("an inline CLABE that is the user's verified saved account is verified", async () => {
    const body = { ...clone(explicit), userBankInformation: { country: 'MX', accountIdentifier: '014180055555555550', bankName: 'Santander' } };
    expect((await create(body)).bankAccount).toEqual({ country: 'MX', accountIdentifier: '014180055555555550', bankName: 'Santander', isVerified: true });
  });

  test('holder name and address are not echoed; other countries are verified', async () => {
    const us = await create(requestExamples.FiatAmountToUnitedStates!.value);
    expect(us.bankAccount).toEqual({
      country: 'US',
      accountIdentifier: '123456789012',
      bankName: 'JPMorgan Chase Bank',
      routingNumber: '021000021',
      accountType: 'CHECKING',
      isVerified: true,
    });
  });

  test('ids compare case-insensitively, and the stored ids are echoed', async () => {
    const body = {
      ...quoted,
      userId: fixtures.users.verified.toUpperCase(),
      userBankInformationId: fixtures.bankInformation.owned.toUpperCase(),
      receiverId: fixtures.receivers.verified.toUpperCase(),
    };
    const data = await create(body);
    expect([data.userId, data.receiverId]).toEqual([fixtures.users.verified, fixtures.receivers.verified]);
  });
});

describe('partners', () => {
  test("another partner's key works for the user it shares, with that partner's own saved account", async () => {
    const reply = await server.send({
      body: {
        ...quoted,
        quoteId: undefined,
        fiatCurrency: 'MXN',
        blockchainSymbol: 'ETH',
        tokenSymbol: 'USDT',
        cryptoAmount: 50,
        userBankInformationId: fixtures.bankInformation.otherPartner,
      },
      headers: { 'partner-api-key': fixtures.apiKeys.otherPartner },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json.data.bankAccount.accountIdentifier).toBe('072580001111111115');
  });

  test("a quote belongs to its partner: another partner's key gets 'Quote is not valid for OFF_RAMP'", async () => {
    const reply = await server.send({
      body: { ...quoted, userBankInformationId: fixtures.bankInformation.otherPartner },
      headers: { 'partner-api-key': fixtures.apiKeys.otherPartner },
    });
    expect([reply.status, reply.json.error.message]).toEqual([400, 'Quote is not valid for OFF_RAMP']);
  });
});
