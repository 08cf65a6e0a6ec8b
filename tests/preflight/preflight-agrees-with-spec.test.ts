// On bodies no test here wrote by hand (random mutations of the spec's request examples), the
// preflight must give the answer the spec prescribes: an oracle built from the spec alone (the
// request schema compiled at run time, the order of checks, the documented bank checks) decides
// which check fails first, and the preflight must name that check, its code and message.
import fc from 'fast-check';
import { validate as isValidRoutingNumber } from 'abavalidator';
import { clabe } from 'clabe-validator';
import { isValidBIC, isValidIBAN } from 'ibantools';
import { describe, expect, test } from 'vitest';
import { schemasId } from '../../packages/tools/src/spec/spec-schemas.ts';
import { orderOfChecks } from '../../packages/tools/src/spec/order-of-checks.ts';
import { validateOffRampRequest, type PreflightCheck } from '../../packages/client/src/preflight/validate-off-ramp-request.ts';
import { ajv, requestExamples, responseExamples, spec, validatorOf } from '../support/spec.ts';

// The request schema without its two either/or rules: the body-shape step of the order of checks.
const request = spec.components.schemas.OffRampRequest as { allOf: { $ref: string }[] };
const shapeOnly = JSON.parse(
  JSON.stringify({ ...request, $id: 'oracle://shape', allOf: request.allOf.filter(({ $ref }) => !/FundingSource|BankSource$/.test($ref)) }).replaceAll(
    '"#/components/schemas/',
    `"${schemasId}#/$defs/`,
  ),
);
const compiledShape = ajv.compile(shapeOnly);
const shapeValid = (body: unknown) => compiledShape(body) === true; // a boolean, not a type guard
const uuidValid = validatorOf('Uuid');
const pricingValid = validatorOf('FundingSource');
const bankSourceValid = validatorOf('BankSource');

/** The documented checks beyond the schema (CLABE, ABA, IBAN and its country, BIC country), on well-formed values. */
function bankChecksPass(bank: any): boolean {
  if (bank === null || typeof bank !== 'object' || Array.isArray(bank)) return true;
  const text = (value: unknown, shape: RegExp) => typeof value === 'string' && shape.test(value);
  if (bank.country === 'MX' && text(bank.accountIdentifier, /^[0-9]{18}$/) && !clabe.validate(bank.accountIdentifier).ok) return false;
  if (bank.country === 'US' && text(bank.routingNumber, /^[0-9]{9}$/) && !isValidRoutingNumber(bank.routingNumber)) return false;
  if (
    text(bank.iban, /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/) &&
    (!isValidIBAN(bank.iban) || (typeof bank.country === 'string' && bank.iban.slice(0, 2) !== bank.country))
  )
    return false;
  if (text(bank.bic, /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/) && !isValidBIC(bank.bic)) return false;
  return true;
}

const isObject = (body: any) => body !== null && typeof body === 'object' && !Array.isArray(body);
/** Whether a body breaks the check of each step a preflight can make (each judged on its own). */
const breaks: Record<PreflightCheck, (body: any) => boolean> = {
  body: (body) => !isObject(body),
  userId: (body) => isObject(body) && (body.userId === undefined || body.userId === null || body.userId === '' || !uuidValid(body.userId)),
  shape: (body) => isObject(body) && (!shapeValid(body) || !bankChecksPass(body.userBankInformation)),
  pricingSource: (body) => isObject(body) && !pricingValid(body),
  bankSource: (body) => isObject(body) && !bankSourceValid(body),
};

// The preflight's steps and their rows, in the spec's order (x-order-of-checks): reorder them there
// and this oracle follows, so the preflight must too.
const preflightSteps = orderOfChecks(spec).filter((step) => step.preflight);
test('the spec names exactly the checks the preflight makes', () => {
  expect(preflightSteps.map((step) => step.step).sort()).toEqual(Object.keys(breaks).sort());
});

/** The first failing check by the spec's order of checks, or undefined for a body that passes them all. */
function expectedCheck(body: any): PreflightCheck | undefined {
  return preflightSteps.map((step) => step.step as PreflightCheck).find((check) => breaks[check](body));
}

const answerOf = Object.fromEntries(preflightSteps.map((step) => [step.step, step.rows])) as Record<PreflightCheck, string[]>;

// Values to mutate with: well-formed ones of every field (so that rule faults are reached), the
// bank details of every country, and random JSON.
const examples = Object.values(requestExamples).map((example) => example.value);
const banks = examples.map((body) => body.userBankInformation).filter(Boolean);
const fieldValues: Record<string, fc.Arbitrary<unknown>> = {
  userId: fc.constantFrom(fc.sample(fc.uuid(), 1)[0], '', null, 'user-1'),
  quoteId: fc.uuid(),
  fiatAmount: fc.oneof(fc.double({ min: -10, max: 1e13, noNaN: true }), fc.constant('1500')),
  cryptoAmount: fc.oneof(fc.double({ min: -10, max: 1e13, noNaN: true }), fc.constant(0)),
  fiatCurrency: fc.constantFrom('MXN', 'DOP', 'USD', 'EUR', 'GBP', 'mxn'),
  blockchainSymbol: fc.constantFrom('POL', 'SOL', 'ETH', 'p o l'),
  tokenSymbol: fc.constantFrom('USDC', 'USDT', 'wBTC', ''),
  premiumSpread: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  receiverId: fc.oneof(fc.uuid(), fc.constant('r-1')),
  userBankInformationId: fc.oneof(fc.uuid(), fc.constant('bank-1')),
  userBankInformation: fc.constantFrom(...banks),
  memo: fc.string(),
};
const bankFieldValues: Record<string, fc.Arbitrary<unknown>> = {
  country: fc.constantFrom('MX', 'DO', 'US', 'DE', 'FR', 'ES', 'SEPA', 'BR', 'mx'),
  accountIdentifier: fc.oneof(fc.stringMatching(/^[0-9]{18}$/), fc.stringMatching(/^[0-9]{4,20}$/), fc.constant(clabe.calculate(12, 180, 1234567890))),
  routingNumber: fc.oneof(fc.stringMatching(/^[0-9]{9}$/), fc.constant('021000021')),
  iban: fc.constantFrom(
    'DE89370400440532013000',
    'DE88370400440532013000',
    'FR1420041010050500013M02606',
    'ES9121000418450200051332',
    'GB29NWBK60161331926819',
    'XX00123456789012345',
  ),
  bic: fc.constantFrom('COBADEFFXXX', 'COBAZZFFXXX', 'BNPAFRPP', 'cobadeff'),
  bankName: fc.oneof(fc.constant('Banco'), fc.constant(''), fc.string()),
  accountType: fc.constantFrom('SAVINGS', 'CHECKING', 'OTHER'),
  documentType: fc.constantFrom('RNC', 'CEDULA', 'PASSPORT', 'ID'),
  documentIdentifier: fc.oneof(fc.constant('00112345678'), fc.string()),
  accountHolder: fc.constantFrom(
    { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'Pérez' },
    { type: 'BUSINESS', businessName: 'Acme' },
    { type: 'INDIVIDUAL', businessName: 'Acme' },
    { firstName: 'Ana', lastName: 'Pérez' },
  ),
  address: fc.constantFrom(banks.find((bank) => bank.address)?.address, { streetLine1: '1 Main St' }),
};

type Mutation = (body: any) => void;
const topLevel = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.constantFrom(...Object.keys(fieldValues)).map(
      (key): Mutation =>
        (body) =>
          delete body[key],
    ),
    fc.constantFrom(...Object.keys(fieldValues)).chain((key) =>
      fieldValues[key]!.map(
        (value): Mutation =>
          (body) =>
            (body[key] = structuredClone(value)),
      ),
    ),
    fc.tuple(fc.constantFrom(...Object.keys(fieldValues)), fc.jsonValue({ maxDepth: 1 })).map(
      ([key, value]): Mutation =>
        (body) =>
          (body[key] = value),
    ),
  );
const inBank = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.constantFrom(...Object.keys(bankFieldValues)).map(
      (key): Mutation =>
        (body) =>
          body.userBankInformation && delete body.userBankInformation[key],
    ),
    fc.constantFrom(...Object.keys(bankFieldValues)).chain((key) =>
      bankFieldValues[key]!.map(
        (value): Mutation =>
          (body) => {
            if (body.userBankInformation && typeof body.userBankInformation === 'object') body.userBankInformation[key] = structuredClone(value);
          },
      ),
    ),
  );
const mutatedBody = fc
  .tuple(fc.constantFrom(...examples), fc.array(fc.oneof(topLevel(), inBank()), { minLength: 0, maxLength: 4 }))
  .map(([example, mutations]) => {
    const body = structuredClone(example);
    for (const mutate of mutations) mutate(body);
    return JSON.parse(JSON.stringify(body)) as unknown;
  });
const anyBody = fc.oneof({ weight: 9, arbitrary: mutatedBody }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

describe('the preflight answers as the spec prescribes, on random bodies', () => {
  test('the first failing check, with its catalog code and message; details on faulty values only', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(anyBody, (body) => {
        const expected = expectedCheck(body);
        const result = validateOffRampRequest(body);
        seen.set(String(expected), (seen.get(String(expected)) ?? 0) + 1);
        if (expected === undefined) {
          expect(result).toEqual({ ok: true, value: body });
          return;
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.check).toBe(expected);
        const documented = answerOf[expected].map((name) => responseExamples[name]!.value.error);
        expect(documented.map(({ code, message }) => `${code} ${message}`)).toContain(`${result.error.code} ${result.error.message}`);
        expect(result.error.status).toBe(400);
        if (result.error.code === 'INVALID_USER_INPUT_ERROR') {
          const paths = result.error.details!.map((detail) => detail.path);
          expect(paths.length).toBeGreaterThan(0);
          expect(new Set(paths).size).toBe(paths.length);
          if (expected === 'userId') expect(paths).toEqual(['/userId']);
          else if (expected === 'shape') expect(paths).not.toContain('/userId');
        } else {
          expect(result.error.details).toBeUndefined();
        }
      }),
      { numRuns: 4_000 },
    );
    // Every outcome was reached often enough for the comparison to mean something.
    for (const outcome of ['undefined', 'body', 'userId', 'shape', 'pricingSource', 'bankSource']) expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(40);
  });
});
