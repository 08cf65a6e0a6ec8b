// The family `bank-details`: the checks the spec's table makes on inline bank details beyond the
// schema's patterns (CLABE, ABA routing number, IBAN, BIC), each broken once in a named
// scenario's account, answered `400 INVALID_USER_INPUT_ERROR` with one detail for the field whose
// message is the table's, filled in. The values are derived from the named (valid) accounts; the
// CLABE's control digit by the spec's rule (weights 3, 7, 1, modulo 10), its bank and city codes
// from clabe-validator's tables, as the spec's "known bank" and "known city" are.
import { clabe } from 'clabe-validator';
import type { Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type RequestBody, type SkippedCase } from './derivation-context.ts';

export const bankDetailsFamily = 'bank-details';

/** The control digit of the first 17 digits of a CLABE: weights 3, 7, 1, each product modulo 10. */
export function clabeControlDigit(first17: string): number {
  const weights = [3, 7, 1];
  const sum = [...first17].reduce((total, digit, i) => total + ((Number(digit) * weights[i % 3]!) % 10), 0);
  return (10 - (sum % 10)) % 10;
}

const withControlDigit = (first17: string) => `${first17}${clabeControlDigit(first17)}`;
const threeDigits = (n: number) => String(n).padStart(3, '0');
/** The first three-digit code not in `known`. */
const unknownCode = (known: (code: number) => boolean) => threeDigits([...Array(1000).keys()].find((code) => !known(code))!);

interface BankCase {
  name: string;
  summary: string;
  field: string;
  value: string;
  message: string;
  /** Further changes to the account (the country an IBAN must belong to). */
  also?: RequestBody;
}

function casesFor(account: RequestBody): BankCase[] {
  const cases: BankCase[] = [];
  const { country } = account;
  if (country === 'MX' && typeof account.accountIdentifier === 'string') {
    const valid = account.accountIdentifier;
    const digit = Number(valid[17]);
    const bank = unknownCode((code) => Boolean(clabe.banksMap[code]?.tag));
    const cities = new Set(clabe.cities.map(([code]) => code));
    const city = unknownCode((code) => cities.has(code));
    cases.push(
      {
        name: 'clabe-control-digit',
        summary: 'a CLABE with a wrong control digit',
        field: 'accountIdentifier',
        value: `${valid.slice(0, 17)}${(digit + 1) % 10}`,
        message: `is not a valid CLABE: wrong control digit (the last digit should be ${digit})`,
      },
      {
        name: 'clabe-bank-code',
        summary: 'a CLABE of no known bank',
        field: 'accountIdentifier',
        value: withControlDigit(`${bank}${valid.slice(3, 17)}`),
        message: `is not a valid CLABE: unknown bank code ${bank}`,
      },
      {
        name: 'clabe-city-code',
        summary: 'a CLABE of no known city',
        field: 'accountIdentifier',
        value: withControlDigit(`${valid.slice(0, 3)}${city}${valid.slice(6, 17)}`),
        message: `is not a valid CLABE: unknown city code ${city}`,
      },
    );
  }
  if (country === 'US' && typeof account.routingNumber === 'string') {
    const valid = account.routingNumber;
    cases.push(
      {
        name: 'aba-checksum',
        summary: 'a routing number with a wrong checksum',
        field: 'routingNumber',
        value: `${valid.slice(0, 8)}${(Number(valid[8]) + 1) % 10}`,
        message: 'is not a valid ABA routing number: wrong checksum',
      },
      {
        name: 'aba-checksum-ending-in-zero',
        summary: 'a routing number with a wrong checksum that ends in 0',
        field: 'routingNumber',
        value: `${valid.slice(0, 8)}${valid[8] === '0' ? '1' : '0'}`,
        message: 'is not a valid ABA routing number: wrong checksum',
      },
      {
        name: 'aba-zeros',
        summary: 'a routing number of zeros',
        field: 'routingNumber',
        value: '000000000',
        message: 'is not a valid ABA routing number: all digits are zero',
      },
    );
  }
  if (typeof account.iban === 'string') {
    const valid = account.iban;
    const cc = valid.slice(0, 2);
    const checkDigits = valid.slice(2, 4);
    const otherCheckDigits = String((Number(checkDigits) % 97) + 1).padStart(2, '0');
    cases.push(
      {
        name: 'iban-country',
        summary: 'an IBAN of a country without IBANs',
        field: 'iban',
        value: `US${valid.slice(2)}`,
        message: 'is not a valid IBAN: US has no IBAN format',
      },
      {
        name: 'iban-length',
        summary: 'an IBAN a character short',
        field: 'iban',
        value: valid.slice(0, -1),
        message: `is not a valid IBAN: wrong length for ${cc} (${valid.length} characters)`,
      },
      {
        name: 'iban-national-format',
        summary: 'an IBAN whose national part has a letter where a digit belongs',
        field: 'iban',
        value: `${valid.slice(0, -1)}A`,
        message: `is not a valid IBAN: wrong national account format for ${cc}`,
      },
      {
        name: 'iban-check-digits',
        summary: 'an IBAN with wrong mod-97 check digits',
        field: 'iban',
        value: `${cc}${otherCheckDigits}${valid.slice(4)}`,
        message: 'is not a valid IBAN: wrong mod-97 check digits',
      },
    );
    const otherCountry = cc === 'FR' ? 'DE' : 'FR';
    cases.push({
      name: 'iban-other-country',
      summary: `an IBAN of ${cc} for an account in ${otherCountry}`,
      field: 'iban',
      value: valid,
      also: { country: otherCountry },
      message: `belongs to ${cc}, not to country ${otherCountry}`,
    });
  }
  if (typeof account.bic === 'string') {
    const valid = account.bic;
    cases.push({
      name: 'bic-country',
      summary: 'a BIC whose country is no country',
      field: 'bic',
      value: `${valid.slice(0, 4)}QQ${valid.slice(6)}`,
      message: 'is not a valid BIC: QQ is not a country code',
    });
  }
  return cases;
}

export function bankDetailsScenarios(context: DerivationContext): { scenarios: Scenario[]; skipped: SkippedCase[] } {
  const scenarios: Scenario[] = [];
  const seen = new Set<string>();
  for (const named of context.named) {
    const body = named.requestBody as RequestBody;
    const account = body.userBankInformation as RequestBody | undefined;
    if (named.family !== 'created' || !account) continue;
    for (const bankCase of casesFor(account)) {
      if (seen.has(bankCase.name)) continue;
      seen.add(bankCase.name);
      const changed = structuredClone(body);
      changed.userBankInformation = { ...structuredClone(account), ...bankCase.also, [bankCase.field]: bankCase.value };
      const path = `/userBankInformation/${bankCase.field}`;
      scenarios.push(
        derivedScenario(
          context,
          bankDetailsFamily,
          `bank.${bankCase.name}`,
          `${named.name} with ${bankCase.summary}`,
          { body: changed },
          {
            row: 'InvalidUserInput',
            details: [{ path, message: bankCase.message }],
          },
        ),
      );
    }
  }
  // The CLABE checks are Mexico's: an account number elsewhere that would fail them is no fault.
  const dominican = context.named.find((s) => s.family === 'created' && ((s.requestBody as RequestBody).userBankInformation as RequestBody)?.country === 'DO');
  if (dominican) {
    const body = structuredClone(dominican.requestBody as RequestBody);
    const first17 = '96001234560000000';
    (body.userBankInformation as RequestBody).accountIdentifier = `${first17}${(clabeControlDigit(first17) + 1) % 10}`;
    scenarios.push(
      derivedScenario(
        context,
        bankDetailsFamily,
        'bank.clabe-rule-only-in-mexico',
        `${dominican.name} with an 18-digit account number that is no valid CLABE`,
        { body },
        { created: true },
      ),
    );
  }
  const missing = ['clabe-control-digit', 'aba-checksum', 'iban-check-digits', 'bic-country'].filter((name) => !seen.has(name));
  return { scenarios, skipped: missing.map((name) => ({ name: `bank.${name}`, reason: 'no named success scenario has inline details of that kind' })) };
}
