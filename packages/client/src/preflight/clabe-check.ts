import { clabe } from 'clabe-validator';

// City codes of clabe-validator's table, built on first use.
let cityCodes: Set<number> | undefined;

/**
 * The detail message for an 18-digit string that `clabe.validate` rejects, naming the first
 * check that failed in the library's order (control digit, bank code, city code), or `undefined`
 * for a valid CLABE. The verdict comes from the library's own parts: its control digit
 * (`computeChecksum`), its bank table (`banksMap`) and its city table (`cities`). `validate` also
 * formats the bank and city names of the account, which costs more than the whole schema
 * validation, so it runs only on a CLABE that fails, for its verdict.
 */
export function clabeFault(clabeNumber: string): string | undefined {
  // Stryker disable next-line ArrowFunction: a fast path's table; whenever it says no, clabe.validate below gives the verdict.
  cityCodes ??= new Set(clabe.cities.map(([code]) => code));
  // Stryker disable all: a fast path; whenever it says no, clabe.validate below gives the verdict.
  const valid =
    clabe.computeChecksum(clabeNumber) === Number(clabeNumber[17]) &&
    Boolean(clabe.banksMap[Number(clabeNumber.slice(0, 3))]?.tag) &&
    cityCodes.has(Number(clabeNumber.slice(3, 6)));
  // Stryker restore all
  if (valid) return undefined;
  const result = clabe.validate(clabeNumber);
  // Stryker disable next-line ConditionalExpression: the fast path above accepts every CLABE clabe.validate accepts.
  if (result.ok) return undefined;
  switch (result.error) {
    case 'invalid-checksum':
      return `is not a valid CLABE: wrong control digit (the last digit should be ${result.checksum})`;
    case 'invalid-bank':
      return `is not a valid CLABE: unknown bank code ${result.code.bank}`;
    case 'invalid-city':
      return `is not a valid CLABE: unknown city code ${result.code.city}`;
    // The schema's pattern rules out a wrong length and non-digits.
    // Stryker disable next-line all: unreachable for a CLABE of the schema's shape.
    default:
      return `is not a valid CLABE: ${result.message}`;
  }
}
