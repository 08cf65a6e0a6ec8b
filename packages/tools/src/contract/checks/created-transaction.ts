// What a schema cannot see in a 201: the transaction must be the one the request asked for.
import type { ValidateFunction } from 'ajv';
import { shown, type Deviation } from './deviation.ts';

type Json = Record<string, unknown>;

export interface CreatedTransactionRules {
  /** Fields of the stored bank account (`BankAccount` properties) that echo the inline details. */
  echoedBankFields: readonly string[];
  /** The spec's `FiatCurrencyMatchesBankCountry` rule, applied to the answer's currency and bank country. */
  currencyMatchesBankCountry: ValidateFunction;
}

// fiatAmount = cryptoAmount x exchangeRate up to rounding: each amount is rounded to its own
// precision (a cent of fiat, a millionth of a token), which moves the product by less than a cent.
const fiatRoundingTolerance = 0.01;

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

export function checkCreatedTransaction(rules: CreatedTransactionRules, request: unknown, body: unknown): Deviation[] {
  const sent = asObject(request);
  const data = asObject(asObject(body).data);
  const deviations: Deviation[] = [];
  const expectEqual = (subject: string, expected: unknown, actual: unknown) => {
    if (!Object.is(expected, actual)) deviations.push({ check: 'transaction-echo', subject, expected: shown(expected), actual: shown(actual) });
  };

  expectEqual('data.userId echoes the request', sent.userId, data.userId);
  expectEqual("data.receiverId is the request's receiverId or null", sent.receiverId ?? null, data.receiverId);
  expectEqual('data.premiumSpread echoes the request (0 when absent)', sent.premiumSpread ?? 0, data.premiumSpread);
  if (sent.quoteId === undefined) {
    for (const field of ['fiatCurrency', 'blockchainSymbol', 'tokenSymbol']) expectEqual(`data.${field} echoes the request`, sent[field], data[field]);
    for (const field of ['fiatAmount', 'cryptoAmount'])
      if (sent[field] !== undefined) expectEqual(`data.${field} is exactly the requested amount`, sent[field], data[field]);
  }

  const { cryptoAmount, fiatAmount, exchangeRate } = data;
  if (typeof cryptoAmount === 'number' && typeof fiatAmount === 'number' && typeof exchangeRate === 'number') {
    const product = cryptoAmount * exchangeRate;
    if (!(Math.abs(product - fiatAmount) <= fiatRoundingTolerance)) {
      deviations.push({
        check: 'transaction-amounts',
        expected: `${shown(cryptoAmount)} x ${shown(exchangeRate)} = ${product}`,
        actual: shown(fiatAmount),
      });
    }
  }

  const bankAccount = asObject(data.bankAccount);
  if (sent.userBankInformation !== undefined) {
    const inline = asObject(sent.userBankInformation);
    for (const field of rules.echoedBankFields) {
      if (inline[field] !== undefined) expectEqual(`data.bankAccount.${field} echoes the inline bank details`, inline[field], bankAccount[field]);
    }
  }
  const payout = { fiatCurrency: data.fiatCurrency, userBankInformation: { country: bankAccount.country } };
  if (!rules.currencyMatchesBankCountry(payout)) {
    deviations.push({
      check: 'transaction-payout-country',
      expected: `a ${shown(data.fiatCurrency)} account`,
      actual: `country ${shown(bankAccount.country)}`,
    });
  }
  return deviations;
}
