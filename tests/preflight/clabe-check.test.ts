// The preflight's CLABE verdict, assembled from clabe-validator's parts for speed, must be the
// library's own `validate` verdict on every 18-digit string, and its message must name the check
// the library says failed.
import fc from 'fast-check';
import { clabe } from 'clabe-validator';
import { describe, expect, test } from 'vitest';
import { clabeFault } from '../../packages/client/src/preflight/clabe-check.ts';

const verdict = (number: string) => {
  const result = clabe.validate(number);
  if (result.ok) return undefined;
  const named: Record<string, string> = {
    'invalid-checksum': `is not a valid CLABE: wrong control digit (the last digit should be ${result.checksum})`,
    'invalid-bank': `is not a valid CLABE: unknown bank code ${result.code.bank}`,
    'invalid-city': `is not a valid CLABE: unknown city code ${result.code.city}`,
  };
  return named[result.error!] ?? `unexpected clabe-validator error ${result.error}`;
};
const knownBank = fc.constantFrom(...Object.keys(clabe.banksMap).map(Number));
const knownCity = fc.constantFrom(...clabe.cities.map(([code]) => code));
const eleven = fc.integer({ min: 0, max: 99_999_999_999 });

describe('clabeFault agrees with clabe.validate', () => {
  test('on valid CLABEs of every known bank and city', () => {
    fc.assert(
      fc.property(knownBank, knownCity, eleven, (bank, city, account) => {
        const number = clabe.calculate(bank, city, account);
        expect(clabeFault(number)).toBe(verdict(number));
      }),
      { numRuns: 2_000 },
    );
  });

  test('on any 18 digits (mostly wrong control digit, unknown bank or city)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{18}$/), (number) => {
        expect(clabeFault(number)).toBe(verdict(number));
      }),
      { numRuns: 5_000 },
    );
  });

  test.each([
    ['a valid CLABE', '012180012345678909', undefined],
    ['a wrong control digit', '012180012345678908', 'is not a valid CLABE: wrong control digit (the last digit should be 9)'],
    ['an unknown bank', '003180012345678905', 'is not a valid CLABE: unknown bank code 003'],
    ['an unknown city', clabe.calculate(12, 999, 12345678901), 'is not a valid CLABE: unknown city code 999'],
  ])('%s', (_case, number, message) => {
    expect(clabeFault(number)).toBe(message);
  });
});
