import { clabe } from 'clabe-validator';

// City codes of clabe-validator's table, built on first use.
let cityCodes: Set<number> | undefined;

/**
 * The verdict of `clabe.validate` on an 18-digit string, from the library's own parts: its control
 * digit (`computeChecksum`), its bank table (`banksMap`) and its city table (`cities`). `validate`
 * also formats the bank and city names of the account, which costs more than the whole schema
 * validation, so it runs only on a CLABE that fails, for its message.
 */
export function clabeFault(clabeNumber: string): string | undefined {
  cityCodes ??= new Set(clabe.cities.map(([code]) => code));
  const valid =
    clabe.computeChecksum(clabeNumber) === Number(clabeNumber[17]) &&
    Boolean(clabe.banksMap[Number(clabeNumber.slice(0, 3))]?.tag) &&
    cityCodes.has(Number(clabeNumber.slice(3, 6)));
  if (valid) return undefined;
  const result = clabe.validate(clabeNumber);
  return result.ok ? undefined : result.message;
}
