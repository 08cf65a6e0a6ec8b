// Every scenario's request validates against the request schema, except those of the schema-level
// error scenarios, which must fail, and for the reason their scenario names; every media-type
// example of the spec validates, and no two request examples share a body.
import { describe, expect, test } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { clone, mediaTypeRequestExamples, passes, requestExamples, responseExamples, validatorOf } from '../support/spec.ts';

const request = validatorOf('OffRampRequest');

/** Schema-level scenarios: the request example must fail the request schema, and fail this way. */
const schemaLevelFaults: Record<string, { failsOnly: string; because: (body: any) => boolean }> = {
  // Only the missing userId is wrong.
  UserIdMissing: { failsOnly: 'userId', because: (body) => request({ ...body, userId: '8374f327-38bd-4b0b-b8a7-2524599eb903' }) },
  // Only the CLABE is wrong: with a valid one the body passes.
  InvalidUserInput: {
    failsOnly: '/userBankInformation/accountIdentifier',
    because: (body) => request({ ...body, userBankInformation: { ...body.userBankInformation, accountIdentifier: '012180012345678909' } }),
  },
  // Only the pricing rule is broken: it fails FundingSource and nothing else.
  PricingSourceMissing: {
    failsOnly: 'FundingSource',
    because: (body) =>
      !passes('FundingSource', body) &&
      passes('BankSource', body) &&
      request({
        ...body,
        quoteId: '14559b6a-01b0-4751-9d3c-07a59eea63cc',
        userBankInformation: undefined,
        userBankInformationId: 'b1669269-5c06-4c2a-bb7e-a8c7e8b7d287',
      }),
  },
  // Only the bank rule is broken.
  BankSourceMissing: {
    failsOnly: 'BankSource',
    because: (body) =>
      !passes('BankSource', body) && passes('FundingSource', body) && request({ ...body, userBankInformationId: 'b1669269-5c06-4c2a-bb7e-a8c7e8b7d287' }),
  },
};

/** JSON.parse(JSON.stringify()) drops the `undefined` keys the fixes above use to delete a field. */
const normalise = (body: unknown) => JSON.parse(JSON.stringify(body));

describe('request examples', () => {
  const cases = Object.entries(requestExamples).map(([name, example]) => [name, example.value] as const);

  test.each(cases.filter(([name]) => !(name in schemaLevelFaults)))('%s is valid against OffRampRequest', (_name, body) => {
    expect(request(body), JSON.stringify(request.errors)).toBe(true);
  });

  test.each(Object.entries(schemaLevelFaults))('%s fails the request schema only because of %s', (name, fault) => {
    const body = requestExamples[name]!.value;
    expect(request(body)).toBe(false);
    const fixed = normalise(clone(body));
    expect(fault.because(fixed)).toBe(true);
  });
});

describe("the spec's media-type request examples", () => {
  const examples = Object.entries(mediaTypeRequestExamples);

  test.each(examples)('%s is valid against OffRampRequest', (_name, example) => {
    expect(request(example.value), JSON.stringify(request.errors)).toBe(true);
  });

  test('each is the body of the scenario of the same name, sent with the valid key; no two share a body', () => {
    for (const [name, example] of examples) {
      expect(requestExamples[name]?.value).toEqual(example.value);
      expect(requestExamples[name]?.scenario.apiKeyFixture).toBe('apiKeys.valid');
      expect(examples.filter(([, other]) => isDeepStrictEqual(other.value, example.value)).map(([other]) => other)).toEqual([name]);
    }
  });
});

describe('response examples', () => {
  test.each(Object.entries(responseExamples))('%s is valid against its response schema', (_name, { schemaName, value }) => {
    const validate = validatorOf(schemaName);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  test('every success example is a 201 and every error example a 4xx', () => {
    for (const { status, value } of Object.values(responseExamples)) {
      expect(value.success ? status === 201 : status >= 400 && status < 500).toBe(true);
    }
  });
});
