// Each rule of the seed is enforced by the request schema: a body that breaks it is rejected,
// and the nearest valid body is accepted (so the rejection is for that rule, not another).
import { describe, expect, test } from 'vitest';
import { clone, requestExamples, validatorOf } from '../support/spec.ts';

const request = validatorOf('OffRampRequest');
const explicit = requestExamples.FiatAmountToMexico!.value; // explicit fiat, inline MX bank
const quoted = requestExamples.QuoteWithSavedBank!.value; // quote, saved bank
const us = requestExamples.FiatAmountToUnitedStates!.value;
const sepa = requestExamples.CryptoAmountToSepa!.value;
const dominican = requestExamples.CryptoAmountToDominicanRepublic!.value;

const savedBankId = quoted.userBankInformationId;
const uuid = '8f8c80bf-3be9-43a5-86a7-a25bb4606db7';

/** Copy of `body` with `changes` applied; a change to `undefined` deletes the key. */
function withChanges(body: any, changes: Record<string, unknown>): any {
  const copy = clone(body);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

function bank(body: any, changes: Record<string, unknown>): any {
  return withChanges(body, { userBankInformation: withChanges(body.userBankInformation, changes) });
}

// [rule, rejected body, nearest accepted body]
const rules: [string, unknown, unknown][] = [
  ['userId is required', withChanges(explicit, { userId: undefined }), explicit],
  ['userId is a UUID', withChanges(explicit, { userId: 'user-1' }), explicit],
  ['quoteId excludes fiatCurrency', withChanges(quoted, { fiatCurrency: 'MXN' }), quoted],
  ['quoteId excludes blockchainSymbol', withChanges(quoted, { blockchainSymbol: 'POL' }), quoted],
  ['quoteId excludes tokenSymbol', withChanges(quoted, { tokenSymbol: 'USDC' }), quoted],
  ['quoteId excludes fiatAmount', withChanges(quoted, { fiatAmount: 10 }), quoted],
  ['quoteId excludes cryptoAmount', withChanges(quoted, { cryptoAmount: 10 }), quoted],
  ['quoteId is a UUID', withChanges(quoted, { quoteId: 'q-1' }), quoted],
  ['explicit pricing needs fiatCurrency', withChanges(explicit, { fiatCurrency: undefined }), explicit],
  ['explicit pricing needs blockchainSymbol', withChanges(explicit, { blockchainSymbol: undefined }), explicit],
  ['explicit pricing needs tokenSymbol', withChanges(explicit, { tokenSymbol: undefined }), explicit],
  ['explicit pricing needs an amount', withChanges(explicit, { fiatAmount: undefined }), explicit],
  [
    'fiatAmount and cryptoAmount are exclusive',
    withChanges(explicit, { cryptoAmount: 10 }),
    withChanges(explicit, { fiatAmount: undefined, cryptoAmount: 10 }),
  ],
  ['quote and explicit symbols are exclusive', withChanges(explicit, { quoteId: quoted.quoteId }), explicit],
  [
    'a pricing source is required',
    withChanges(explicit, { fiatCurrency: undefined, blockchainSymbol: undefined, tokenSymbol: undefined, fiatAmount: undefined }),
    withChanges(explicit, { fiatCurrency: undefined, blockchainSymbol: undefined, tokenSymbol: undefined, fiatAmount: undefined, quoteId: quoted.quoteId }),
  ],
  ['fiatAmount is positive', withChanges(explicit, { fiatAmount: 0 }), withChanges(explicit, { fiatAmount: 0.01 })],
  ['fiatAmount is not negative', withChanges(explicit, { fiatAmount: -5 }), explicit],
  ['fiatAmount is a number', withChanges(explicit, { fiatAmount: '1500' }), explicit],
  [
    'cryptoAmount is positive',
    withChanges(explicit, { fiatAmount: undefined, cryptoAmount: 0 }),
    withChanges(explicit, { fiatAmount: undefined, cryptoAmount: 0.000001 }),
  ],
  ['fiatCurrency is a 3-letter code', withChanges(explicit, { fiatCurrency: 'mxn' }), explicit],
  [
    'an unknown but well-formed currency passes the schema (the server answers it)',
    withChanges(explicit, { fiatCurrency: 'MX' }),
    withChanges(explicit, { fiatCurrency: 'GBP' }),
  ],
  ['tokenSymbol is a symbol', withChanges(explicit, { tokenSymbol: 'US DC' }), withChanges(explicit, { tokenSymbol: 'wBTC' })],
  ['premiumSpread is below 1', withChanges(explicit, { premiumSpread: 1 }), withChanges(explicit, { premiumSpread: 0.99 })],
  ['premiumSpread is not negative', withChanges(explicit, { premiumSpread: -0.01 }), withChanges(explicit, { premiumSpread: 0 })],
  ['receiverId is a UUID', withChanges(explicit, { receiverId: 'r-1' }), withChanges(explicit, { receiverId: uuid })],
  [
    'a bank source is required',
    withChanges(explicit, { userBankInformation: undefined }),
    withChanges(explicit, { userBankInformation: undefined, userBankInformationId: savedBankId }),
  ],
  ['inline and saved bank are exclusive', withChanges(explicit, { userBankInformationId: savedBankId }), explicit],
  ['userBankInformationId is a UUID', withChanges(quoted, { userBankInformationId: 'bank-1' }), quoted],
  ['unknown top-level properties are rejected', withChanges(explicit, { amount: 10 }), explicit],
  ['unknown bank properties are rejected', bank(explicit, { swift: 'X' }), explicit],
  [
    'MXN pays out to MX only',
    withChanges(explicit, { userBankInformation: us.userBankInformation }),
    withChanges(explicit, { fiatCurrency: 'USD', userBankInformation: us.userBankInformation }),
  ],
  [
    'EUR pays out to SEPA only',
    withChanges(sepa, { userBankInformation: dominican.userBankInformation }),
    withChanges(sepa, { fiatCurrency: 'DOP', userBankInformation: dominican.userBankInformation }),
  ],
  ['CLABE is 18 digits', bank(explicit, { accountIdentifier: '01218001234567890' }), explicit],
  ['CLABE is digits only', bank(explicit, { accountIdentifier: '01218001234567890A' }), explicit],
  ['MX takes no routing number', bank(explicit, { routingNumber: '021000021' }), explicit],
  ['routing number is 9 digits', bank(us, { routingNumber: '02100002' }), us],
  ['routing number has a Federal Reserve prefix', bank(us, { routingNumber: '991000021' }), us],
  ['IBAN is upper case without spaces', bank(sepa, { iban: 'DE89 3704 0044 0532 0130 00' }), sepa],
  ['BIC is 8 or 11 characters', bank(sepa, { bic: 'COBADEFFX' }), bank(sepa, { bic: 'COBADEFF' })],
  ['SEPA country is a SEPA member', bank(sepa, { country: 'US' }), bank(sepa, { country: 'FR' })],
  ['DO accountType is SAVINGS or CHECKING', bank(dominican, { accountType: 'CURRENT' }), bank(dominican, { accountType: 'CHECKING' })],
  ['DO documentType is RNC, CEDULA or PASSPORT', bank(dominican, { documentType: 'DNI' }), bank(dominican, { documentType: 'RNC' })],
  ['an individual holder has a last name', bank(us, { accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana' } }), us],
  [
    'an individual holder has no business name',
    bank(us, { accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'Garcia', businessName: 'X' } }),
    us,
  ],
  ['a business holder has a business name', bank(sepa, { accountHolder: { type: 'BUSINESS' } }), sepa],
  ['a business holder has no first name', bank(sepa, { accountHolder: { type: 'BUSINESS', businessName: 'Acme', firstName: 'Ana' } }), sepa],
  ['holder type is INDIVIDUAL or BUSINESS', bank(sepa, { accountHolder: { type: 'COMPANY', businessName: 'Acme' } }), sepa],
  ['an address has a city', bank(us, { address: withChanges(us.userBankInformation.address, { city: undefined }) }), us],
  ['names have no control characters', bank(sepa, { bankName: 'Commerz\u0000bank' }), sepa],
];

describe('request schema rules', () => {
  test.each(rules)('%s', (_rule, rejected, accepted) => {
    expect(request(rejected), 'the broken body must be rejected').toBe(false);
    expect(request(accepted), `the nearest valid body must pass: ${JSON.stringify(request.errors)}`).toBe(true);
  });
});

// The seed's table of required fields per country, restated here as the independent source.
const seedRequiredFields: [string, any, string[]][] = [
  ['MX', explicit, ['country', 'accountIdentifier']],
  ['DO', dominican, ['country', 'accountIdentifier', 'bankName', 'accountType', 'documentIdentifier', 'documentType']],
  ['US', us, ['country', 'accountIdentifier', 'bankName', 'routingNumber', 'accountHolder', 'address']],
  ['SEPA', sepa, ['country', 'iban', 'bic', 'bankName', 'accountHolder']],
];

describe('bank requirements by country', () => {
  const cases = seedRequiredFields.flatMap(([country, body, fields]) => fields.map((field) => [country, field, body] as const));
  test.each(cases)('%s without %s is rejected', (_country, field, body) => {
    expect(request(body)).toBe(true);
    expect(request(bank(body, { [field]: undefined }))).toBe(false);
  });
});
