import { validate as isValidRoutingNumber } from 'abavalidator';
import { getCountrySpecifications, validateBIC, validateIBAN, ValidationErrorsBIC, ValidationErrorsIBAN } from 'ibantools';
import { clabeFault } from './clabe-check.ts';
import type { OffRampErrorDetail } from './error-details.ts';

type BankDetails = Record<string, unknown>;

// IBAN lengths by country, read once from ibantools' table.
let ibanLengths: Record<string, number | null> | undefined;
const ibanLength = (countryCode: string) => {
  ibanLengths ??= Object.fromEntries(Object.entries(getCountrySpecifications()).map(([code, spec]) => [code, spec.chars]));
  return ibanLengths[countryCode];
};

/**
 * The detail message of each ibantools IBAN error code, in the order they are reported: an IBAN
 * with several faults gets the message of the first. `null` marks a code the schema's pattern
 * already rules out (an empty IBAN; check digits that are not digits) or that our options never
 * raise (QR-IBANs are allowed). A record, so that a code added by an ibantools upgrade fails tsc.
 */
const ibanMessages: Record<ValidationErrorsIBAN, ((countryCode: string) => string) | null> = {
  [ValidationErrorsIBAN.NoIBANProvided]: null,
  [ValidationErrorsIBAN.NoIBANCountry]: (cc) => `is not a valid IBAN: ${cc} has no IBAN format`,
  [ValidationErrorsIBAN.WrongBBANLength]: (cc) => `is not a valid IBAN: wrong length for ${cc} (${ibanLength(cc)} characters)`,
  [ValidationErrorsIBAN.WrongBBANFormat]: (cc) => `is not a valid IBAN: wrong national account format for ${cc}`,
  [ValidationErrorsIBAN.ChecksumNotNumber]: null,
  // ibantools also reports this code for any BBAN of the wrong format; the format message comes first.
  [ValidationErrorsIBAN.WrongIBANChecksum]: () => 'is not a valid IBAN: wrong mod-97 check digits',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: (cc) => `is not a valid IBAN: wrong national check digits for ${cc}`,
  [ValidationErrorsIBAN.QRIBANNotAllowed]: null,
};
/** The order in which IBAN faults are named: country, length, format, mod-97, national check digits. */
export const ibanCheckOrder = [
  ValidationErrorsIBAN.NoIBANCountry,
  ValidationErrorsIBAN.WrongBBANLength,
  ValidationErrorsIBAN.WrongBBANFormat,
  ValidationErrorsIBAN.WrongIBANChecksum,
  ValidationErrorsIBAN.WrongAccountBankBranchChecksum,
] as const;

/** The detail message for an IBAN of the schema's shape, or `undefined` when ibantools accepts it. */
export function ibanFault(iban: string): string | undefined {
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return undefined;
  const first = ibanCheckOrder.find((code) => errorCodes.includes(code));
  // Stryker disable next-line ConditionalExpression: every code ibantools reports for an IBAN of the schema's shape is in the order.
  const message = first === undefined ? undefined : ibanMessages[first];
  // Only a code the pattern rules out could get here: still a fault, named as plainly as we can.
  // Stryker disable next-line StringLiteral: no IBAN of the schema's shape gets here.
  return message ? message(iban.slice(0, 2)) : 'is not a valid IBAN';
}

/** The BIC's messages, as for the IBAN; the pattern rules out the wrong format and an empty BIC. */
const bicMessages: Record<ValidationErrorsBIC, ((countryCode: string) => string) | null> = {
  [ValidationErrorsBIC.NoBICProvided]: null,
  [ValidationErrorsBIC.NoBICCountry]: (cc) => `is not a valid BIC: ${cc} is not a country code`,
  [ValidationErrorsBIC.WrongBICFormat]: null,
};

/** The detail message for a BIC of the schema's shape, or `undefined` when ibantools accepts it. */
export function bicFault(bic: string): string | undefined {
  const { valid, errorCodes } = validateBIC(bic);
  if (valid) return undefined;
  // Stryker disable next-line ConditionalExpression: for a BIC of the schema's shape the only code is the country's.
  const message = errorCodes.map((code) => bicMessages[code]).find((m) => m !== null);
  // Stryker disable next-line StringLiteral: no BIC of the schema's shape gets here.
  return message ? message(bic.slice(4, 6)) : 'is not a valid BIC';
}

/** The detail message for a routing number of the schema's shape, or `undefined` when abavalidator accepts it. */
export function routingNumberFault(routingNumber: string): string | undefined {
  if (isValidRoutingNumber(routingNumber)) return undefined;
  // abavalidator rejects a zero weighted sum, which only nine zeros have, apart from the checksum.
  return /^0+$/.test(routingNumber) ? 'is not a valid ABA routing number: all digits are zero' : 'is not a valid ABA routing number: wrong checksum';
}

/**
 * What the request schema cannot say about inline bank details: the CLABE's control digit, bank
 * and city codes, the ABA routing checksum, the IBAN's country, length, national format, mod-97
 * and national check digits, the BIC's country, and that an IBAN belongs to the given `country`.
 * Each check runs only on a value that already has the schema's shape, so a value gets one
 * detail, not two; the detail names the first check that failed.
 */
export function bankChecksumDetails(bank: unknown): OffRampErrorDetail[] {
  if (bank === null || typeof bank !== 'object' || Array.isArray(bank)) return [];
  const details = bank as BankDetails;
  const faults: OffRampErrorDetail[] = [];
  const at = (field: string, message: string | undefined) => {
    if (message) faults.push({ path: `/userBankInformation/${field}`, message });
  };
  const text = (field: string, shape: RegExp) => {
    const value = details[field];
    return typeof value === 'string' && shape.test(value) ? value : undefined;
  };

  // Stryker disable next-line Regex: the request schema's pattern already rules out other shapes, with a detail at the same path first.
  const clabeNumber = details.country === 'MX' ? text('accountIdentifier', /^[0-9]{18}$/) : undefined;
  if (clabeNumber) at('accountIdentifier', clabeFault(clabeNumber));
  // Stryker disable next-line Regex: the request schema's pattern already rules out other shapes, with a detail at the same path first.
  const routingNumber = details.country === 'US' ? text('routingNumber', /^[0-9]{9}$/) : undefined;
  if (routingNumber) at('routingNumber', routingNumberFault(routingNumber));

  // Stryker disable next-line Regex: the request schema's pattern already rules out other shapes, with a detail at the same path first.
  const iban = text('iban', /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/);
  if (iban) {
    const fault = ibanFault(iban);
    if (fault) at('iban', fault);
    else if (typeof details.country === 'string' && iban.slice(0, 2) !== details.country)
      at('iban', `belongs to ${iban.slice(0, 2)}, not to country ${details.country}`);
  }
  // Stryker disable next-line Regex: the request schema's pattern already rules out other shapes, with a detail at the same path first.
  const bic = text('bic', /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/);
  if (bic) at('bic', bicFault(bic));
  return faults;
}
