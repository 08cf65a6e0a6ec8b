// The bank checks beyond the schema: each check that can fail has its own detail message, the
// spec's table of those messages is complete, and what the descriptions promise (which countries
// get national check digits verified, that every SEPA country's BBAN format is enforced, the ABA
// formula, the BIC's country list) is what the libraries actually do. Library facts are measured
// by behaviour, so an upgrade of ibantools or abavalidator, or an edit of a description, that
// makes the two drift apart fails here.
import fc from 'fast-check';
import { validate as isValidRoutingNumber } from 'abavalidator';
import { countrySpecs, getCountrySpecifications, isValidIBAN, validateBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { describe, expect, test } from 'vitest';
import { ibanFault, routingNumberFault } from '../../packages/client/src/preflight/bank-checksums.ts';
import { validateOffRampRequest } from '../../packages/client/src/preflight/validate-off-ramp-request.ts';
import { clone, operation, passes, requestExamples, spec } from '../support/spec.ts';

const explicit = requestExamples.FiatAmountToMexico!.value;
const us = requestExamples.FiatAmountToUnitedStates!.value;
const sepa = requestExamples.CryptoAmountToSepa!.value;
const bank = (body: any, changes: Record<string, unknown>) => ({ ...clone(body), userBankInformation: { ...clone(body.userBankInformation), ...changes } });

const schemas = spec.components.schemas as Record<string, any>;
const sepaCountries: string[] = schemas.SepaCountryCode.enum;
const operationText: string = operation.description;

/** An IBAN of `country` for `bban` with correct mod-97 check digits (ISO 13616), computed here, not by ibantools. */
function withCheckDigits(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return `${country}${String(98 - rest).padStart(2, '0')}${bban}`;
}

// A fixed-seed generator, so the measured country lists do not depend on luck between runs.
function randomSource(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}
const alphabets: Record<string, string> = { '0-9': '0123456789', 'A-Z': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'A-Z0-9': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' };
/** The positions of a country's BBAN, from ibantools' format (runs like `[0-9]{8}[A-Z0-9]{12}`). */
function bbanPositions(country: string): string[] {
  const format = countrySpecs[country]!.bban_regexp!;
  return [...format.matchAll(/\[([^\]]+)\]\{(\d+)\}/g)].flatMap(([, set, count]) => Array<string>(Number(count)).fill(alphabets[set!]!));
}
/** `count` random BBANs of the country's national format. */
function randomBbans(country: string, count: number, seed = 1): string[] {
  const next = randomSource(seed);
  const positions = bbanPositions(country);
  return Array.from({ length: count }, () => positions.map((alphabet) => alphabet[next(alphabet.length)]).join(''));
}

// Measured: the SEPA countries for which ibantools rejects some IBAN of the right length and
// format with correct mod-97 digits because of its national check digits.
const nationalCheckCountries = sepaCountries.filter((country) =>
  randomBbans(country, 200).some((bban) =>
    validateIBAN(withCheckDigits(country, bban)).errorCodes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum),
  ),
);

/** The country list a description gives for the national check digits ("... for BE, CZ, ... and SK only"). */
function namedNationalCheckCountries(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const list = /national check digits[^|.]*? for ((?:[A-Z]{2}, )*[A-Z]{2} and [A-Z]{2}) only/.exec(flat)?.[1];
  expect(list, `no "national check digits ... for XX, ... and YY only" in: ${flat}`).toBeDefined();
  return list!.split(/, | and /);
}

describe('the descriptions name exactly what ibantools enforces', () => {
  test('the measurement finds national check digits at all (the generator works)', () => {
    expect(nationalCheckCountries.length).toBeGreaterThan(0);
    // Every generated BBAN of a country without national check digits is accepted: the generator
    // and the mod-97 computation are right, so a country missing from the list is really unchecked.
    for (const country of sepaCountries.filter((c) => !nationalCheckCountries.includes(c))) {
      for (const bban of randomBbans(country, 20)) expect(validateIBAN(withCheckDigits(country, bban)), country).toEqual({ valid: true, errorCodes: [] });
    }
  });

  test.each([
    ['Iban', () => schemas.Iban.description as string],
    ['the operation', () => operationText],
  ])('%s: the countries with national check digits are the ones ibantools checks', (_where, text) => {
    expect(namedNationalCheckCountries(text())).toEqual(nationalCheckCountries);
  });

  test('the countries with national check digits are the SEPA ones ibantools has a BBAN check function for', () => {
    expect(nationalCheckCountries).toEqual(sepaCountries.filter((country) => countrySpecs[country]?.bban_validation_func));
  });

  test.each(sepaCountries)('%s: has an IBAN length and a national format, and a BBAN breaking the format is rejected for it', (country) => {
    const chars = getCountrySpecifications()[country]!.chars;
    expect(chars).toBe(withCheckDigits(country, randomBbans(country, 1)[0]!).length);
    // Break one position: a letter where a digit belongs, or a digit where a letter belongs.
    const positions = bbanPositions(country);
    const at = positions.findIndex((alphabet) => alphabet !== alphabets['A-Z0-9']);
    const bban = randomBbans(country, 1)[0]!;
    const broken = bban.slice(0, at) + (positions[at] === alphabets['0-9'] ? 'A' : '0') + bban.slice(at + 1);
    expect(validateIBAN(withCheckDigits(country, broken)).errorCodes).toContain(ValidationErrorsIBAN.WrongBBANFormat);
    expect(ibanFault(withCheckDigits(country, broken))).toBe(`is not a valid IBAN: wrong national account format for ${country}`);
  });

  test("Iban: the length example is the library's", () => {
    const [, length, country] = /(\d+) characters for `([A-Z]{2})`/.exec(schemas.Iban.description)!;
    expect(getCountrySpecifications()[country!]!.chars).toBe(Number(length));
  });

  test("AbaRoutingNumber: the formula of the description is abavalidator's verdict", () => {
    expect(schemas.AbaRoutingNumber.description.replace(/\s+/g, ' ')).toContain(
      '3 × (d1 + d4 + d7) + 7 × (d2 + d5 + d8) + (d3 + d6 + d9) must be a multiple of 10 and not 0',
    );
    const described = (n: string) => {
      const d = [...n].map(Number);
      const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
      return sum % 10 === 0 && sum !== 0;
    };
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (n) => isValidRoutingNumber(n) === described(n)),
      { numRuns: 5_000 },
    );
    expect(isValidRoutingNumber('000000000')).toBe(false);
  });

  test('Bic: the accepted countries are the 249 assigned ISO 3166-1 codes plus XK', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const accepted = [...letters].flatMap((a) => [...letters].map((b) => a + b)).filter((code) => validateBIC(`COBA${code}FF`).valid);
    expect(schemas.Bic.description.replace(/\s+/g, ' ')).toContain('an assigned ISO 3166-1 alpha-2 code or `XK` (Kosovo)');
    expect(accepted).toHaveLength(249 + 1);
    expect(accepted).toContain('XK');
    // Reserved codes that are not assigned countries.
    for (const reserved of ['UK', 'EU', 'AC', 'EA', 'YU', 'ZZ']) expect(accepted, reserved).not.toContain(reserved);
  });

  test("ibanFault agrees with isValidIBAN on any string of the schema's shape, and on well-formed IBANs of every SEPA country", () => {
    const agrees = (iban: string) => {
      expect(ibanFault(iban) === undefined, iban).toBe(isValidIBAN(iban));
    };
    fc.assert(fc.property(fc.stringMatching(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/), agrees), { numRuns: 2_000 });
    const anyCountry = fc.constantFrom(...Object.keys(countrySpecs));
    fc.assert(
      fc.property(anyCountry, fc.stringMatching(/^[0-9]{2}[A-Z0-9]{11,30}$/), (country, rest) => agrees(country + rest)),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...sepaCountries), fc.nat(), (country, seed) => agrees(withCheckDigits(country, randomBbans(country, 1, seed + 1)[0]!))),
      { numRuns: 2_000 },
    );
  });
});

// Valid Spanish IBAN; its BBAN's digits 9-10 are the national check digits ("45").
const spanishIban = 'ES9121000418450200051332';
const spanishBban = spanishIban.slice(4);
const sepaOf = (country: string, iban: string, bic: string) => bank(sepa, { country, iban, bic });

// [check, body, detail path, detail message]
const checks: [string, unknown, string, string][] = [
  [
    'CLABE control digit',
    bank(explicit, { accountIdentifier: '012180012345678908' }),
    '/userBankInformation/accountIdentifier',
    'is not a valid CLABE: wrong control digit (the last digit should be 9)',
  ],
  [
    'CLABE bank code',
    bank(explicit, { accountIdentifier: '003180012345678905' }),
    '/userBankInformation/accountIdentifier',
    'is not a valid CLABE: unknown bank code 003',
  ],
  [
    'CLABE city code',
    bank(explicit, { accountIdentifier: '012999123456789016' }),
    '/userBankInformation/accountIdentifier',
    'is not a valid CLABE: unknown city code 999',
  ],
  ['ABA checksum', bank(us, { routingNumber: '021000022' }), '/userBankInformation/routingNumber', 'is not a valid ABA routing number: wrong checksum'],
  ['ABA all zeros', bank(us, { routingNumber: '000000000' }), '/userBankInformation/routingNumber', 'is not a valid ABA routing number: all digits are zero'],
  ['IBAN country without IBANs', bank(sepa, { iban: 'US64370400440532013000' }), '/userBankInformation/iban', 'is not a valid IBAN: US has no IBAN format'],
  [
    'IBAN length',
    bank(sepa, { iban: withCheckDigits('DE', '3704004405320130001') }),
    '/userBankInformation/iban',
    'is not a valid IBAN: wrong length for DE (22 characters)',
  ],
  [
    'IBAN national format',
    bank(sepa, { iban: withCheckDigits('DE', '37040044053201300A') }),
    '/userBankInformation/iban',
    'is not a valid IBAN: wrong national account format for DE',
  ],
  ['IBAN mod-97 check digits', bank(sepa, { iban: 'DE88370400440532013000' }), '/userBankInformation/iban', 'is not a valid IBAN: wrong mod-97 check digits'],
  [
    'IBAN national check digits',
    sepaOf('ES', withCheckDigits('ES', `${spanishBban.slice(0, 8)}46${spanishBban.slice(10)}`), 'CAIXESBBXXX'),
    '/userBankInformation/iban',
    'is not a valid IBAN: wrong national check digits for ES',
  ],
  ['IBAN country is country', bank(sepa, { country: 'FR' }), '/userBankInformation/iban', 'belongs to DE, not to country FR'],
  ['BIC country', bank(sepa, { bic: 'COBAZZFFXXX' }), '/userBankInformation/bic', 'is not a valid BIC: ZZ is not a country code'],
  // Several faults of one value: the first in the documented order is named.
  [
    'IBAN mod-97 and national check digits',
    sepaOf('ES', `ES90${spanishBban.slice(0, 8)}46${spanishBban.slice(10)}`, 'CAIXESBBXXX'),
    '/userBankInformation/iban',
    'is not a valid IBAN: wrong mod-97 check digits',
  ],
  [
    'IBAN length and mod-97',
    bank(sepa, { iban: 'DE893704004405320130001' }),
    '/userBankInformation/iban',
    'is not a valid IBAN: wrong length for DE (22 characters)',
  ],
];

describe('each bank check that fails names itself', () => {
  test('the valid Spanish IBAN is valid (the national check digit case breaks only that)', () => {
    expect(isValidIBAN(spanishIban)).toBe(true);
    expect(validateOffRampRequest(sepaOf('ES', spanishIban, 'CAIXESBBXXX')).ok).toBe(true);
  });

  test.each(checks)('%s', (_check, body, path, message) => {
    const result = validateOffRampRequest(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.check).toBe('shape');
    expect(result.error.code).toBe('INVALID_USER_INPUT_ERROR');
    expect(result.error.details).toEqual([{ path, message }]);
    expect(passes('ErrorDetail', { path, message })).toBe(true);
  });

  // The table in the operation's description: | `field` ... | check | `message template` |
  const tableRows = [...operationText.matchAll(/^\| `(\w+)`[^|]*\| ([^|]+) \| `([^`]+)` \|$/gm)].map(([, field, check, template]) => ({
    field: field!,
    check: check!,
    template: template!,
  }));
  const matches = (template: string, message: string) =>
    new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()[\]\\|]/g, '\\$&'))
        .join('.+')}$`,
    ).test(message);

  test("the operation's table has a row per check", () => {
    expect(tableRows.length).toBe(12);
  });

  // The details the preflight actually gives for the cases above.
  const produced = checks.flatMap(([, body]) => {
    const result = validateOffRampRequest(body);
    return result.ok ? [] : (result.error.details ?? []);
  });

  test.each(checks)("%s: its message is one of the operation's table, on its field", (_check, body) => {
    const result = validateOffRampRequest(body);
    const detail = result.ok ? undefined : result.error.details?.[0];
    expect(detail).toBeDefined();
    const field = detail!.path.split('/').pop();
    expect(
      tableRows.filter((row) => row.field === field && matches(row.template, detail!.message)),
      detail!.message,
    ).toHaveLength(1);
  });

  test.each(tableRows.map((row) => [row.check, row] as const))('table row "%s" is produced by some check above', (_check, row) => {
    expect(produced.some(({ path, message }) => path.endsWith(`/${row.field}`) && matches(row.template, message))).toBe(true);
  });

  test("no message can exceed the spec's ErrorDetail message limit", () => {
    const limit = schemas.ErrorDetail.properties.message.maxLength as number;
    // The variable parts are a country code, an IBAN length, a digit or a 3-digit code.
    const longest = Math.max(...tableRows.map((row) => row.template.replace(/\{[^}]+\}/g, 'XXXX').length));
    expect(longest).toBeLessThanOrEqual(limit);
    expect(routingNumberFault('021000022')!.length).toBeLessThanOrEqual(limit);
  });
});
