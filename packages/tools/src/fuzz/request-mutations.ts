import fc from 'fast-check';
import type { CatalogRowName } from '@off-ramp/client';
import { requiredOf } from '../spec/schema-facts.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';

// biome-ignore lint/suspicious/noExplicitAny: generated bodies are any JSON, read and changed freely.
type Body = Record<string, any>;

/** One targeted violation of a valid body, and the catalog row the server must answer with. */
export interface RequestMutation {
  name: string;
  expected: CatalogRowName;
  /** True when the answer needs no server state, so the client's preflight must give it too. */
  stateFree: boolean;
  /** The mutated body, or undefined when the mutation does not apply to this body. */
  apply(body: Body): Body | undefined;
}

const without = (body: Body, ...keys: string[]): Body => Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
const inline = (body: Body): Body | undefined => body.userBankInformation;
const withBank = (body: Body, changes: Body): Body => ({ ...body, userBankInformation: { ...body.userBankInformation, ...changes } });
const isExplicit = (body: Body) => 'fiatCurrency' in body;
const amountKey = (body: Body) => ('fiatAmount' in body ? 'fiatAmount' : 'cryptoAmount');
/** Changes the last digit of a digit string, so its check digit no longer fits. */
const otherLastDigit = (value: string) => value.slice(0, -1) + String((Number(value.at(-1)) + 1) % 10);
const spec = loadBundledSpec();
const requiredBankFields: Record<string, string[]> = {
  MX: requiredOf(spec, 'BankInformationMx'),
  DO: requiredOf(spec, 'BankInformationDo'),
  US: requiredOf(spec, 'BankInformationUs'),
  SEPA: requiredOf(spec, 'BankInformationSepa'),
};
// Any well-formed id: the bank-source rule is broken whichever account it names.
const anyUuid = '00000000-0000-4000-8000-000000000000';
const bankKind = (bank: Body) => (bank.iban ? 'SEPA' : String(bank.country));

export const requestMutations: RequestMutation[] = [
  { name: 'drop userId', expected: 'UserIdMissing', stateFree: true, apply: (b) => without(b, 'userId') },
  { name: 'userId is not a UUID', expected: 'InvalidUserInput', stateFree: true, apply: (b) => ({ ...b, userId: 'user-42' }) },
  { name: 'unknown top-level property', expected: 'InvalidUserInput', stateFree: true, apply: (b) => ({ ...b, amount: 1 }) },
  {
    name: 'amount is a string',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (isExplicit(b) ? { ...b, [amountKey(b)]: String(b[amountKey(b)]) } : undefined),
  },
  { name: 'amount is zero', expected: 'InvalidUserInput', stateFree: true, apply: (b) => (isExplicit(b) ? { ...b, [amountKey(b)]: 0 } : undefined) },
  {
    name: 'amount is negative',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (isExplicit(b) ? { ...b, [amountKey(b)]: -b[amountKey(b)] } : undefined),
  },
  {
    name: 'amount above the schema bound',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (isExplicit(b) ? { ...b, [amountKey(b)]: 1e13 } : undefined),
  },
  { name: 'premiumSpread of 100% or more', expected: 'InvalidUserInput', stateFree: true, apply: (b) => ({ ...b, premiumSpread: 1.5 }) },
  { name: 'receiverId is not a UUID', expected: 'InvalidUserInput', stateFree: true, apply: (b) => ({ ...b, receiverId: 'receiver-1' }) },
  {
    name: 'currency code is lower case',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (isExplicit(b) ? { ...b, fiatCurrency: String(b.fiatCurrency).toLowerCase() } : undefined),
  },
  {
    name: 'bank details are a string',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (inline(b) ? { ...b, userBankInformation: 'MX 012180012345678909' } : undefined),
  },
  { name: 'unknown bank property', expected: 'InvalidUserInput', stateFree: true, apply: (b) => (inline(b) ? withBank(b, { swift: 'X' }) : undefined) },
  {
    name: 'bank name with a control character',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (inline(b) ? withBank(b, { bankName: 'Bank\u0007Name' }) : undefined),
  },
  {
    name: 'CLABE of 17 digits',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (inline(b)?.country === 'MX' ? withBank(b, { accountIdentifier: inline(b)!.accountIdentifier.slice(1) }) : undefined),
  },
  {
    name: 'CLABE control digit',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (inline(b)?.country === 'MX' ? withBank(b, { accountIdentifier: otherLastDigit(inline(b)!.accountIdentifier) }) : undefined),
  },
  {
    name: 'ABA checksum',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (inline(b)?.country === 'US' ? withBank(b, { routingNumber: otherLastDigit(inline(b)!.routingNumber) }) : undefined),
  },
  {
    name: 'IBAN check digits',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (inline(b)?.iban ? withBank(b, { iban: otherLastDigit(inline(b)!.iban) }) : undefined),
  },
  {
    name: 'IBAN lower case',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (inline(b)?.iban ? withBank(b, { iban: String(inline(b)!.iban).toLowerCase() }) : undefined),
  },
  {
    name: 'currency pays out to another country',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => (isExplicit(b) && inline(b) ? { ...b, fiatCurrency: b.fiatCurrency === 'USD' ? 'MXN' : 'USD' } : undefined),
  },
  {
    name: 'drop a required bank field',
    expected: 'InvalidUserInput',
    stateFree: true,
    apply: (b) => {
      const bank = inline(b);
      if (!bank) return undefined;
      const fields = requiredBankFields[bankKind(bank)]!;
      // Deterministic per body: the field is picked from the body's own content.
      const field = fields[JSON.stringify(bank).length % fields.length]!;
      return { ...b, userBankInformation: without(bank, field) };
    },
  },
  {
    name: 'quote plus a currency',
    expected: 'PricingSourceMissing',
    stateFree: true,
    apply: (b) => ('quoteId' in b ? { ...b, fiatCurrency: 'MXN' } : undefined),
  },
  { name: 'quote plus an amount', expected: 'PricingSourceMissing', stateFree: true, apply: (b) => ('quoteId' in b ? { ...b, fiatAmount: 1500 } : undefined) },
  {
    name: 'both amounts',
    expected: 'PricingSourceMissing',
    stateFree: true,
    apply: (b) => (isExplicit(b) ? { ...b, fiatAmount: 1500, cryptoAmount: 100 } : undefined),
  },
  {
    name: 'no amount',
    expected: 'PricingSourceMissing',
    stateFree: true,
    apply: (b) => (isExplicit(b) ? without(b, 'fiatAmount', 'cryptoAmount') : undefined),
  },
  { name: 'drop tokenSymbol', expected: 'PricingSourceMissing', stateFree: true, apply: (b) => (isExplicit(b) ? without(b, 'tokenSymbol') : undefined) },
  {
    name: 'no pricing at all',
    expected: 'PricingSourceMissing',
    stateFree: true,
    apply: (b) => without(b, 'quoteId', 'fiatCurrency', 'blockchainSymbol', 'tokenSymbol', 'fiatAmount', 'cryptoAmount'),
  },
  {
    name: 'both bank sources',
    expected: 'BankSourceMissing',
    stateFree: true,
    apply: (b) =>
      inline(b) ? { ...b, userBankInformationId: anyUuid } : { ...b, userBankInformation: { country: 'MX', accountIdentifier: '012180012345678909' } },
  },
  { name: 'no bank source', expected: 'BankSourceMissing', stateFree: true, apply: (b) => without(b, 'userBankInformation', 'userBankInformationId') },
];

/** Mutations that apply to `body`, each with its mutated body. */
export function applicableMutations(body: Body): { mutation: RequestMutation; body: Body }[] {
  return requestMutations.flatMap((mutation) => {
    const mutated = mutation.apply(body);
    return mutated ? [{ mutation, body: mutated }] : [];
  });
}

/** An invalid body: a valid one with one targeted violation, and the row the server must answer. */
export function invalidOffRampRequest(valid: fc.Arbitrary<Body>): fc.Arbitrary<{ mutation: RequestMutation; body: Body }> {
  return valid.chain((body) => fc.constantFrom(...applicableMutations(body)));
}
