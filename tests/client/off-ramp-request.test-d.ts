// Type-level tests of the request body, as a consumer sees it: imported by package name from the
// built declarations. Each invalid combination of the seed's field relationships and bank table
// must be a compile error (an unused `@ts-expect-error` fails `tsc` and this typecheck), each
// valid one must compile.
import { describe, expectTypeOf, test } from 'vitest';
import type { OffRampClient, OffRampRequest, components } from '@off-ramp/client';

declare const client: OffRampClient;
/** What a consumer writes: a body passed straight to the client. */
const send = (body: OffRampRequest) => client.createOffRamp(body);

const userId = '8374f327-38bd-4b0b-b8a7-2524599eb903';
const quoteId = '0b6f2e1c-2a7d-4f7e-9c1a-5d3e8f9a1b2c';
const savedBankId = '6a1c9e2f-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const symbols = { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC' } as const;
const mx = { country: 'MX', accountIdentifier: '012180012345678909' } as const;
const individual = { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'Pérez' } as const;
const business = { type: 'BUSINESS', businessName: 'Acme Payments LLC' } as const;
const address = { streetLine1: '1 Main St', city: 'Austin', postalCode: '78701', country: 'US' } as const;
const us = { country: 'US', accountIdentifier: '123456789012', bankName: 'Chase', routingNumber: '021000021', accountHolder: individual, address } as const;
const dominican = {
  country: 'DO',
  accountIdentifier: '9600123456',
  bankName: 'Banreservas',
  accountType: 'SAVINGS',
  documentIdentifier: '00112345678',
  documentType: 'CEDULA',
} as const;
const sepa = { country: 'DE', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank', accountHolder: business } as const;

describe('valid bodies compile', () => {
  test('quote with a saved bank account', () => {
    send({ userId, quoteId, userBankInformationId: savedBankId });
  });
  test('quote with inline bank details, for a receiver, with a spread', () => {
    send({ userId, quoteId, userBankInformation: mx, receiverId: savedBankId, premiumSpread: 0.01 });
  });
  test('symbols with a fiat amount, to each country', () => {
    send({ userId, ...symbols, fiatAmount: 1500, userBankInformation: mx });
    send({ userId, ...symbols, fiatCurrency: 'DOP', fiatAmount: 1500, userBankInformation: dominican });
    send({ userId, ...symbols, fiatCurrency: 'USD', fiatAmount: 100, userBankInformation: us });
    send({ userId, ...symbols, fiatCurrency: 'EUR', fiatAmount: 100, userBankInformation: sepa });
  });
  test('symbols with a crypto amount and a saved bank account', () => {
    send({ userId, ...symbols, cryptoAmount: 100, userBankInformationId: savedBankId });
  });
  test('a US account of a business, a SEPA account of an individual, an MX account with a bank name', () => {
    send({ userId, quoteId, userBankInformation: { ...us, accountHolder: business, accountType: 'CHECKING' } });
    send({ userId, quoteId, userBankInformation: { ...sepa, country: 'FR', iban: 'FR1420041010050500013M02606', accountHolder: individual } });
    send({ userId, quoteId, userBankInformation: { ...mx, bankName: 'BBVA' } });
  });
  test('a body built in steps, typed by the union', () => {
    const bank: components['schemas']['BankInformation'] = mx;
    const body: OffRampRequest = { userId, quoteId, userBankInformation: bank };
    expectTypeOf(body).toExtend<OffRampRequest>();
  });
});

describe('pricing source: quoteId XOR symbols, exactly one amount', () => {
  test('a quote with any currency, chain, token or amount field', () => {
    // @ts-expect-error quoteId with fiatCurrency
    send({ userId, quoteId, fiatCurrency: 'MXN', userBankInformationId: savedBankId });
    // @ts-expect-error quoteId with blockchainSymbol
    send({ userId, quoteId, blockchainSymbol: 'POL', userBankInformationId: savedBankId });
    // @ts-expect-error quoteId with tokenSymbol
    send({ userId, quoteId, tokenSymbol: 'USDC', userBankInformationId: savedBankId });
    // @ts-expect-error quoteId with fiatAmount
    send({ userId, quoteId, fiatAmount: 1500, userBankInformationId: savedBankId });
    // @ts-expect-error quoteId with cryptoAmount
    send({ userId, quoteId, cryptoAmount: 100, userBankInformationId: savedBankId });
    // @ts-expect-error quoteId with the complete explicit pricing
    send({ userId, quoteId, ...symbols, fiatAmount: 1500, userBankInformationId: savedBankId });
  });
  test('no pricing source at all', () => {
    // @ts-expect-error neither quoteId nor symbols
    send({ userId, userBankInformationId: savedBankId });
  });
  test('incomplete symbols', () => {
    // @ts-expect-error no fiatCurrency
    send({ userId, blockchainSymbol: 'POL', tokenSymbol: 'USDC', fiatAmount: 1500, userBankInformationId: savedBankId });
    // @ts-expect-error no blockchainSymbol
    send({ userId, fiatCurrency: 'MXN', tokenSymbol: 'USDC', fiatAmount: 1500, userBankInformationId: savedBankId });
    // @ts-expect-error no tokenSymbol
    send({ userId, fiatCurrency: 'MXN', blockchainSymbol: 'POL', fiatAmount: 1500, userBankInformationId: savedBankId });
  });
  test('symbols with no amount or with both amounts', () => {
    // @ts-expect-error no amount
    send({ userId, ...symbols, userBankInformationId: savedBankId });
    // @ts-expect-error fiatAmount and cryptoAmount
    send({ userId, ...symbols, fiatAmount: 1500, cryptoAmount: 100, userBankInformationId: savedBankId });
  });
  test('amounts are numbers', () => {
    // @ts-expect-error fiatAmount as a string
    send({ userId, ...symbols, fiatAmount: '1500', userBankInformationId: savedBankId });
  });
});

describe('bank account source: inline XOR saved', () => {
  test('both', () => {
    // @ts-expect-error userBankInformation and userBankInformationId
    send({ userId, quoteId, userBankInformation: mx, userBankInformationId: savedBankId });
  });
  test('neither', () => {
    // @ts-expect-error no bank account source
    send({ userId, quoteId });
  });
});

describe('user id', () => {
  test('is required', () => {
    // @ts-expect-error no userId
    send({ quoteId, userBankInformationId: savedBankId });
    // @ts-expect-error userId null
    send({ userId: null, quoteId, userBankInformationId: savedBankId });
  });
});

describe('bank details by country: the required fields of each', () => {
  test('MX', () => {
    // @ts-expect-error MX without accountIdentifier
    send({ userId, quoteId, userBankInformation: { country: 'MX' } });
  });
  test('DO', () => {
    const { accountIdentifier, bankName, accountType, documentIdentifier, documentType, ...rest } = dominican;
    // @ts-expect-error DO without accountIdentifier
    send({ userId, quoteId, userBankInformation: { ...rest, bankName, accountType, documentIdentifier, documentType } });
    // @ts-expect-error DO without bankName
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, accountType, documentIdentifier, documentType } });
    // @ts-expect-error DO without accountType
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, bankName, documentIdentifier, documentType } });
    // @ts-expect-error DO without documentIdentifier
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, bankName, accountType, documentType } });
    // @ts-expect-error DO without documentType
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, bankName, accountType, documentIdentifier } });
  });
  test('US', () => {
    const { accountIdentifier, bankName, routingNumber, accountHolder, address: usAddress, ...rest } = us;
    // @ts-expect-error US without accountIdentifier
    send({ userId, quoteId, userBankInformation: { ...rest, bankName, routingNumber, accountHolder, address: usAddress } });
    // @ts-expect-error US without bankName
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, routingNumber, accountHolder, address: usAddress } });
    // @ts-expect-error US without routingNumber
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, bankName, accountHolder, address: usAddress } });
    // @ts-expect-error US without accountHolder
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, bankName, routingNumber, address: usAddress } });
    // @ts-expect-error US without address
    send({ userId, quoteId, userBankInformation: { ...rest, accountIdentifier, bankName, routingNumber, accountHolder } });
  });
  test('SEPA', () => {
    const { iban, bic, bankName, accountHolder, ...rest } = sepa;
    // @ts-expect-error SEPA without iban
    send({ userId, quoteId, userBankInformation: { ...rest, bic, bankName, accountHolder } });
    // @ts-expect-error SEPA without bic
    send({ userId, quoteId, userBankInformation: { ...rest, iban, bankName, accountHolder } });
    // @ts-expect-error SEPA without bankName
    send({ userId, quoteId, userBankInformation: { ...rest, iban, bic, accountHolder } });
    // @ts-expect-error SEPA without accountHolder
    send({ userId, quoteId, userBankInformation: { ...rest, iban, bic, bankName } });
  });
  test('country is required and names a payout country', () => {
    // @ts-expect-error no country
    send({ userId, quoteId, userBankInformation: { accountIdentifier: '012180012345678909' } });
    // @ts-expect-error "SEPA" is an area: country is the IBAN's country code
    send({ userId, quoteId, userBankInformation: { ...sepa, country: 'SEPA' } });
    // @ts-expect-error a country without payouts
    send({ userId, quoteId, userBankInformation: { ...mx, country: 'BR' } });
    // @ts-expect-error a SEPA area country code outside SEPA
    send({ userId, quoteId, userBankInformation: { ...sepa, country: 'US' } });
  });
});

describe("bank details by country: another country's fields are rejected", () => {
  // Values that are not fresh literals, so excess-property checks do not help: only `?: never` does.
  const mxWithIban = { ...mx, iban: sepa.iban };
  const mxWithRoutingNumber = { ...mx, routingNumber: us.routingNumber };
  const mxWithHolder = { ...mx, accountHolder: individual };
  const doWithBic = { ...dominican, bic: sepa.bic };
  const usWithDocument = { ...us, documentType: 'CEDULA' as const };
  const sepaWithAccountIdentifier = { ...sepa, accountIdentifier: '123456789012' };
  const sepaWithAddress = { ...sepa, address };
  test('a field of another country', () => {
    // @ts-expect-error MX with an IBAN
    send({ userId, quoteId, userBankInformation: mxWithIban });
    // @ts-expect-error MX with a routing number
    send({ userId, quoteId, userBankInformation: mxWithRoutingNumber });
    // @ts-expect-error MX with an account holder
    send({ userId, quoteId, userBankInformation: mxWithHolder });
    // @ts-expect-error DO with a BIC
    send({ userId, quoteId, userBankInformation: doWithBic });
    // @ts-expect-error US with a document type
    send({ userId, quoteId, userBankInformation: usWithDocument });
    // @ts-expect-error SEPA with an account identifier
    send({ userId, quoteId, userBankInformation: sepaWithAccountIdentifier });
    // @ts-expect-error SEPA with an address
    send({ userId, quoteId, userBankInformation: sepaWithAddress });
  });
});

describe('account holder: individual XOR business', () => {
  const individualAndBusiness = { ...individual, businessName: 'Acme Payments LLC' };
  const businessWithNames = { ...business, firstName: 'Ana', lastName: 'Pérez' };
  test('the fields of both kinds', () => {
    // @ts-expect-error an individual with a business name
    send({ userId, quoteId, userBankInformation: { ...us, accountHolder: individualAndBusiness } });
    // @ts-expect-error a business with first and last names
    send({ userId, quoteId, userBankInformation: { ...sepa, accountHolder: businessWithNames } });
  });
  test('incomplete or untyped holders', () => {
    // @ts-expect-error an individual without last name
    send({ userId, quoteId, userBankInformation: { ...us, accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana' } } });
    // @ts-expect-error a business without business name
    send({ userId, quoteId, userBankInformation: { ...us, accountHolder: { type: 'BUSINESS' } } });
    // @ts-expect-error a holder without type
    send({ userId, quoteId, userBankInformation: { ...us, accountHolder: { firstName: 'Ana', lastName: 'Pérez' } } });
    // @ts-expect-error a business named like an individual
    send({ userId, quoteId, userBankInformation: { ...us, accountHolder: { type: 'BUSINESS', firstName: 'Ana', lastName: 'Pérez' } } });
  });
});

describe('unknown properties', () => {
  test('are rejected in a literal', () => {
    // @ts-expect-error memo is not a request field
    send({ userId, quoteId, userBankInformationId: savedBankId, memo: 'rent' });
  });
});
