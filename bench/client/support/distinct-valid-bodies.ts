// Valid off-ramp bodies that all differ (user ids, CLABEs, routing numbers, IBANs), so that a
// benchmark cannot profit from a value seen before. Check digits come from the libraries where
// they offer a generator (clabe-validator, ibantools); ABA's is computed here.
import { randomInt, randomUUID } from 'node:crypto';
import { clabe } from 'clabe-validator';
import { composeIBAN } from 'ibantools';
import type { OffRampRequest } from '../../../packages/client/src/index.ts';

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

function abaRoutingNumber(): string {
  const first8 = digits(8).replace(/^./, '0');
  const d = [...first8].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]!);
  return first8 + String((10 - (sum % 10)) % 10);
}

const holder = { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'Pérez' } as const;
const makers: Record<string, () => OffRampRequest> = {
  MX: () => ({
    userId: randomUUID(),
    fiatCurrency: 'MXN',
    blockchainSymbol: 'POL',
    tokenSymbol: 'USDC',
    fiatAmount: 1500,
    userBankInformation: { country: 'MX', accountIdentifier: clabe.calculate(12, 180, randomInt(1, 99_999_999_999)) },
  }),
  DO: () => ({
    userId: randomUUID(),
    fiatCurrency: 'DOP',
    blockchainSymbol: 'SOL',
    tokenSymbol: 'USDT',
    cryptoAmount: 100,
    userBankInformation: {
      country: 'DO',
      accountIdentifier: digits(10),
      bankName: 'Banreservas',
      accountType: 'SAVINGS',
      documentIdentifier: digits(11),
      documentType: 'CEDULA',
    },
  }),
  US: () => ({
    userId: randomUUID(),
    fiatCurrency: 'USD',
    blockchainSymbol: 'ETH',
    tokenSymbol: 'USDC',
    fiatAmount: 250,
    userBankInformation: {
      country: 'US',
      accountIdentifier: digits(12),
      bankName: 'Chase',
      routingNumber: abaRoutingNumber(),
      accountHolder: holder,
      address: { streetLine1: '1 Main St', city: 'Austin', postalCode: '78701', country: 'US' },
    },
  }),
  SEPA: () => ({
    userId: randomUUID(),
    fiatCurrency: 'EUR',
    blockchainSymbol: 'POL',
    tokenSymbol: 'USDC',
    cryptoAmount: 100,
    userBankInformation: {
      country: 'DE',
      iban: composeIBAN({ countryCode: 'DE', bban: digits(18) })!,
      bic: 'COBADEFFXXX',
      bankName: 'Commerzbank',
      accountHolder: holder,
    },
  }),
  'quote, saved account': () => ({ userId: randomUUID(), quoteId: randomUUID(), userBankInformationId: randomUUID() }),
};

export const bodyKinds = Object.keys(makers);

/** `count` distinct valid bodies of one kind (see `bodyKinds`). */
export function distinctValidBodies(kind: string, count: number): OffRampRequest[] {
  return Array.from({ length: count }, makers[kind]!);
}
