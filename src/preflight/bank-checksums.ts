import { validate as isValidRoutingNumber } from 'abavalidator';
import { isValidBIC, isValidIBAN } from 'ibantools';
import { clabeFault } from './clabe-check.ts';
import type { OffRampErrorDetail } from './error-details.ts';

type BankDetails = Record<string, unknown>;

/**
 * What the request schema cannot say about inline bank details: the CLABE's control digit, bank
 * and city codes, the ABA routing checksum, the IBAN's check digits and country length, the BIC's
 * country, and that a SEPA IBAN belongs to the given `country`. Each check runs only on a value
 * that already has the schema's shape, so a value gets one detail, not two.
 */
export function bankChecksumDetails(bank: unknown): OffRampErrorDetail[] {
  if (bank === null || typeof bank !== 'object' || Array.isArray(bank)) return [];
  const details = bank as BankDetails;
  const faults: OffRampErrorDetail[] = [];
  const at = (field: string, message: string) => faults.push({ path: `/userBankInformation/${field}`, message });
  const text = (field: string, shape: RegExp) => {
    const value = details[field];
    return typeof value === 'string' && shape.test(value) ? value : undefined;
  };

  const clabeNumber = details.country === 'MX' ? text('accountIdentifier', /^[0-9]{18}$/) : undefined;
  if (clabeNumber) {
    const fault = clabeFault(clabeNumber);
    if (fault) at('accountIdentifier', `is not a valid CLABE: ${fault}`);
  }
  const routingNumber = details.country === 'US' ? text('routingNumber', /^[0-9]{9}$/) : undefined;
  if (routingNumber && !isValidRoutingNumber(routingNumber)) at('routingNumber', 'is not a valid ABA routing number (checksum)');

  const iban = text('iban', /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/);
  if (iban) {
    if (!isValidIBAN(iban)) at('iban', 'is not a valid IBAN (length or check digits)');
    else if (typeof details.country === 'string' && iban.slice(0, 2) !== details.country) at('iban', `belongs to ${iban.slice(0, 2)}, not to country ${details.country}`);
  }
  const bic = text('bic', /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/);
  if (bic && !isValidBIC(bic)) at('bic', 'is not a valid BIC (unknown country code)');
  return faults;
}
