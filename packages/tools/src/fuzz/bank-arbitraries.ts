import fc from 'fast-check';
import { clabe } from 'clabe-validator';
import { composeIBAN } from 'ibantools';
import { enumOf, requiredOf } from '../spec/schema-facts.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';

const spec = loadBundledSpec();

// Bank and city codes that clabe-validator knows; a CLABE built from them is valid.
const clabeBanks = [2, 12, 14, 21, 30, 36, 44, 58, 72, 127, 137];
const clabeCities = [10, 12, 27, 28, 180, 320, 650, 680, 700];
// Federal Reserve prefixes a routing number may start with.
const abaPrefixes = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '21', '26', '31', '32', '61', '63', '71', '80'];
// SEPA countries whose BBAN is plain digits with no national check digit, so any digits are valid.
const ibanFormats = [
  { country: 'DE', bbanDigits: 18 },
  { country: 'AT', bbanDigits: 16 },
  { country: 'LU', bbanDigits: 16 },
] as const;

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
/** Printable text without control characters, including non-ASCII letters. */
export const printableName = (maxLength = 40) =>
  fc
    .string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñçüÁÉÍÓÚÑ .'-&".split('')), minLength: 2, maxLength })
    .filter((name) => name.trim().length >= 2);

export const clabeNumber = fc
  .tuple(fc.constantFrom(...clabeBanks), fc.constantFrom(...clabeCities), fc.integer({ min: 0, max: 99_999_999_999 }))
  .map(([bank, city, account]) => clabe.calculate(bank, city, account));

/** A routing number with a valid prefix and the ABA check digit (weights 3, 7, 1). */
export const abaRoutingNumber = fc.tuple(fc.constantFrom(...abaPrefixes), digits(6)).map(([prefix, middle]) => {
  const first8 = prefix + middle;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7];
  const sum = [...first8].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first8 + String((10 - (sum % 10)) % 10);
});

export const sepaAccount = fc
  .constantFrom(...ibanFormats)
  .chain(({ country, bbanDigits }) => digits(bbanDigits).map((bban) => ({ country, iban: composeIBAN({ countryCode: country, bban })! })));

const holder = fc.oneof(
  fc.record({ type: fc.constant('INDIVIDUAL' as const), firstName: printableName(), lastName: printableName() }),
  fc.record({ type: fc.constant('BUSINESS' as const), businessName: printableName(80) }),
);

const address = fc.record(
  {
    streetLine1: printableName(60),
    streetLine2: printableName(30),
    city: printableName(),
    state: fc.constantFrom('NY', 'CA', 'TX', 'FL'),
    postalCode: digits(5),
    country: fc.constant('US'),
  },
  { requiredKeys: requiredOf(spec, 'Address') as ('streetLine1' | 'city' | 'postalCode' | 'country')[] },
);

/** Inline bank details for each payout country, keyed by the fiat currency that pays out there. */
export const inlineBankByCurrency = {
  MXN: fc.record(
    { country: fc.constant('MX'), accountIdentifier: clabeNumber, bankName: printableName() },
    { requiredKeys: requiredOf(spec, 'BankInformationMx') as ('country' | 'accountIdentifier')[] },
  ),
  DOP: fc.record({
    country: fc.constant('DO'),
    accountIdentifier: fc.integer({ min: 5, max: 20 }).chain(digits),
    bankName: printableName(),
    accountType: fc.constantFrom(...enumOf(spec, 'AccountType')),
    documentIdentifier: digits(11),
    documentType: fc.constantFrom(...enumOf(spec, 'DocumentType')),
  }),
  USD: fc.record(
    {
      country: fc.constant('US'),
      accountIdentifier: fc.integer({ min: 4, max: 17 }).chain(digits),
      bankName: printableName(),
      routingNumber: abaRoutingNumber,
      accountType: fc.constantFrom(...enumOf(spec, 'AccountType')),
      accountHolder: holder,
      address,
    },
    { requiredKeys: requiredOf(spec, 'BankInformationUs') as ('country' | 'accountIdentifier' | 'bankName' | 'routingNumber' | 'accountHolder' | 'address')[] },
  ),
  EUR: fc
    .record({ account: sepaAccount, bic: fc.constantFrom('COBADEFFXXX', 'DEUTDEFF', 'BKAUATWW', 'BCEELULL'), bankName: printableName(), accountHolder: holder })
    .map(({ account, ...rest }) => ({ country: account.country, iban: account.iban, ...rest })),
} as const;
