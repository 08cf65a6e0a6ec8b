// The preflight answers each state-free fault with the catalog error the spec documents for it,
// and agrees with the request schema on every body.
import { describe, expect, test } from 'vitest';
import { validateOffRampRequest } from '../../packages/client/src/preflight/validate-off-ramp-request.ts';
import { clone, passes, requestExamples, responseExamples } from '../support/spec.ts';

const explicit = requestExamples.FiatAmountToMexico!.value;
const us = requestExamples.FiatAmountToUnitedStates!.value;
const sepa = requestExamples.CryptoAmountToSepa!.value;

const withChanges = (body: any, changes: Record<string, unknown>) => JSON.parse(JSON.stringify({ ...clone(body), ...changes }));
const bank = (body: any, changes: Record<string, unknown>) => withChanges(body, { userBankInformation: { ...body.userBankInformation, ...changes } });

// The scenarios whose answer needs no server state: the preflight must give the spec's answer.
const stateFree = ['UserIdMissing', 'InvalidUserInput', 'PricingSourceMissing', 'BankSourceMissing'];

describe('preflight on the spec scenarios', () => {
  test.each(stateFree)('%s: the same status, code and message as the spec example', (name) => {
    const result = validateOffRampRequest(requestExamples[name]!.value);
    const expected = responseExamples[name]!;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(expected.status);
    expect(result.error.code).toBe(expected.value.error.code);
    expect(result.error.message).toBe(expected.value.error.message);
    if (expected.value.error.details) expect(result.error.details).toEqual(expected.value.error.details);
    else expect(result.error.details).toBeUndefined();
  });

  const others = Object.keys(requestExamples).filter((name) => !stateFree.includes(name));
  test.each(others)('%s passes the preflight (its fault, if any, needs server state)', (name) => {
    expect(validateOffRampRequest(requestExamples[name]!.value)).toEqual({ ok: true, value: requestExamples[name]!.value });
  });
});

// [fault, body, expected check, expected code, expected detail paths]
const faults: [string, unknown, string, string, string[]][] = [
  ['a JSON array body', [], 'body', 'INVALID_USER_INPUT_ERROR', ['']],
  ['a null body', null, 'body', 'INVALID_USER_INPUT_ERROR', ['']],
  ['a string body', 'hello', 'body', 'INVALID_USER_INPUT_ERROR', ['']],
  ['userId null', withChanges(explicit, { userId: null }), 'userId', 'REQUIRED_USER_ID_ERROR', []],
  ['userId empty', withChanges(explicit, { userId: '' }), 'userId', 'REQUIRED_USER_ID_ERROR', []],
  ['userId not a UUID', withChanges(explicit, { userId: 'user-1' }), 'userId', 'INVALID_USER_INPUT_ERROR', ['/userId']],
  ['userId a number', withChanges(explicit, { userId: 42 }), 'userId', 'INVALID_USER_INPUT_ERROR', ['/userId']],
  ['fiatAmount a string', withChanges(explicit, { fiatAmount: '1500' }), 'shape', 'INVALID_USER_INPUT_ERROR', ['/fiatAmount']],
  ['an unknown property', withChanges(explicit, { memo: 'x' }), 'shape', 'INVALID_USER_INPUT_ERROR', ['/memo']],
  // JSON.parse makes these own properties; Ajv's unevaluatedProperties alone lets them through.
  [
    'a __proto__ key',
    JSON.parse(`${JSON.stringify(explicit).slice(0, -1)},"__proto__":{"polluted":true}}`),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/__proto__'],
  ],
  ['a constructor key', JSON.parse(`${JSON.stringify(explicit).slice(0, -1)},"constructor":1}`), 'shape', 'INVALID_USER_INPUT_ERROR', ['/constructor']],
  ['a US bank without routing number', bank(us, { routingNumber: undefined }), 'shape', 'INVALID_USER_INPUT_ERROR', ['/userBankInformation/routingNumber']],
  [
    'a bank of an unknown country',
    withChanges(explicit, { userBankInformation: { country: 'BR', accountIdentifier: '1' } }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/country'],
  ],
  [
    'a bank without country',
    withChanges(explicit, { userBankInformation: { accountIdentifier: '012180012345678909' } }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/country'],
  ],
  [
    'an individual holder without last name',
    bank(us, { accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana' } }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/accountHolder/lastName'],
  ],
  [
    'MXN to a US bank',
    withChanges(explicit, { userBankInformation: us.userBankInformation }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/country'],
  ],
  [
    'a CLABE with a wrong control digit',
    bank(explicit, { accountIdentifier: '012180012345678908' }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/accountIdentifier'],
  ],
  [
    'a CLABE of an unknown bank',
    bank(explicit, { accountIdentifier: '003180012345678905' }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/accountIdentifier'],
  ],
  [
    'an ABA number with a wrong checksum',
    bank(us, { routingNumber: '021000022' }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/routingNumber'],
  ],
  ['an IBAN with wrong check digits', bank(sepa, { iban: 'DE88370400440532013000' }), 'shape', 'INVALID_USER_INPUT_ERROR', ['/userBankInformation/iban']],
  ['an IBAN of another country', bank(sepa, { country: 'FR' }), 'shape', 'INVALID_USER_INPUT_ERROR', ['/userBankInformation/iban']],
  ['a BIC with an unknown country', bank(sepa, { bic: 'COBAZZFFXXX' }), 'shape', 'INVALID_USER_INPUT_ERROR', ['/userBankInformation/bic']],
  ['two shape faults at once', withChanges(explicit, { fiatAmount: -1, memo: 1 }), 'shape', 'INVALID_USER_INPUT_ERROR', ['/fiatAmount', '/memo']],
  // Order of checks: the earlier check wins.
  ['no userId and a shape fault', withChanges(explicit, { userId: undefined, fiatAmount: 'x' }), 'userId', 'REQUIRED_USER_ID_ERROR', []],
  [
    'a shape fault and a pricing fault',
    withChanges(explicit, { fiatCurrency: undefined, fiatAmount: 'x' }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/fiatAmount'],
  ],
  [
    'a checksum fault and a bank-rule fault',
    bank(explicit, { accountIdentifier: '012180012345678908' }),
    'shape',
    'INVALID_USER_INPUT_ERROR',
    ['/userBankInformation/accountIdentifier'],
  ],
  [
    'a pricing fault and a bank fault',
    withChanges(explicit, { fiatAmount: undefined, userBankInformationId: requestExamples.QuoteWithSavedBank!.value.userBankInformationId }),
    'pricingSource',
    'BAD_REQUEST',
    [],
  ],
  ['both amounts', withChanges(explicit, { cryptoAmount: 5 }), 'pricingSource', 'BAD_REQUEST', []],
  ['a quote with a currency', withChanges(requestExamples.QuoteWithSavedBank!.value, { fiatCurrency: 'MXN' }), 'pricingSource', 'BAD_REQUEST', []],
  [
    'both bank sources',
    withChanges(explicit, { userBankInformationId: requestExamples.QuoteWithSavedBank!.value.userBankInformationId }),
    'bankSource',
    'BAD_REQUEST',
    [],
  ],
];

describe('preflight faults', () => {
  test.each(faults)('%s', (_fault, body, check, code, paths) => {
    const result = validateOffRampRequest(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.check).toBe(check);
    expect(result.error.code).toBe(code);
    expect((result.error.details ?? []).map((d) => d.path)).toEqual(paths);
  });
});

describe('preflight agrees with the request schema', () => {
  // Every example, with each top-level field removed, nulled, or given a wrong type.
  const variants = Object.entries(requestExamples).flatMap(([name, example]) =>
    Object.keys(example.value).flatMap((key) => [
      [`${name} without ${key}`, withChanges(example.value, { [key]: undefined })],
      [`${name} with ${key} null`, withChanges(example.value, { [key]: null })],
      [`${name} with ${key} a boolean`, withChanges(example.value, { [key]: true })],
    ]),
  ) as [string, unknown][];
  test.each(variants)('%s', (_name, body) => {
    expect(validateOffRampRequest(body).ok).toBe(passes('OffRampRequest', body));
  });
});
