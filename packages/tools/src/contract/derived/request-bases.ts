// The valid requests the derived families start from: every pricing source (a quote, a fiat
// amount, a token amount) with every bank source (a saved account, inline details), with and
// without a receiver. Each part is taken from the spec's named success scenarios; the explicit
// terms are the quote's (QuoteWithSavedBank's answer), so that they suit the saved account.
import type { Scenario } from '../scenarios.ts';
import type { RequestBody } from './derivation-context.ts';

export type PricingSource = 'quote' | 'fiatAmount' | 'cryptoAmount';
export type BankSource = 'saved' | 'inline';

export interface RequestBase {
  /** e.g. `QuoteSaved`, `FiatInlineReceiver`. */
  name: string;
  pricing: PricingSource;
  bank: BankSource;
  receiver: boolean;
  body: RequestBody;
}

export const pricingFields = ['quoteId', 'fiatCurrency', 'blockchainSymbol', 'tokenSymbol', 'fiatAmount', 'cryptoAmount'] as const;
export const bankFields = ['userBankInformationId', 'userBankInformation'] as const;

const bodyOf = (scenario: Scenario) => scenario.requestBody as RequestBody;

function firstWith(named: readonly Scenario[], what: string, test: (body: RequestBody) => boolean): Scenario {
  const found = named.find((s) => s.family === 'created' && test(bodyOf(s)));
  if (!found) throw new Error(`No named success scenario ${what}: the derived scenarios need one`);
  return found;
}

/** The named success scenarios' parts, by source. */
export function requestParts(named: readonly Scenario[]) {
  const quoted = firstWith(named, 'priced by a quote with a saved account', (b) => b.quoteId !== undefined && b.userBankInformationId !== undefined);
  const terms = (quoted.responseExample as { data: Record<string, unknown> }).data;
  const currency = terms.fiatCurrency;
  const inline = firstWith(named, `with inline details for ${String(currency)}`, (b) => b.fiatCurrency === currency && b.userBankInformation !== undefined);
  const fiat = named.find((s) => s.family === 'created' && bodyOf(s).fiatCurrency === currency && bodyOf(s).fiatAmount !== undefined);
  const receiver = firstWith(named, 'with a receiver', (b) => b.receiverId !== undefined);
  return {
    userId: bodyOf(quoted).userId,
    quote: { quoteId: bodyOf(quoted).quoteId },
    explicit: { fiatCurrency: currency, blockchainSymbol: terms.blockchainSymbol, tokenSymbol: terms.tokenSymbol },
    fiatAmount: fiat ? bodyOf(fiat).fiatAmount : terms.fiatAmount,
    cryptoAmount: terms.cryptoAmount,
    saved: { userBankInformationId: bodyOf(quoted).userBankInformationId },
    inline: { userBankInformation: bodyOf(inline).userBankInformation },
    receiver: { receiverId: bodyOf(receiver).receiverId },
  };
}

const pricingLabel: Record<PricingSource, string> = { quote: 'Quote', fiatAmount: 'Fiat', cryptoAmount: 'Crypto' };
const bankLabel: Record<BankSource, string> = { saved: 'Saved', inline: 'Inline' };

/** Every combination of pricing source, bank source and receiver, as a valid request. */
export function requestBases(named: readonly Scenario[]): RequestBase[] {
  const parts = requestParts(named);
  const pricing: Record<PricingSource, RequestBody> = {
    quote: parts.quote,
    fiatAmount: { ...parts.explicit, fiatAmount: parts.fiatAmount },
    cryptoAmount: { ...parts.explicit, cryptoAmount: parts.cryptoAmount },
  };
  const banks: Record<BankSource, RequestBody> = { saved: parts.saved, inline: parts.inline };
  const bases: RequestBase[] = [];
  for (const p of Object.keys(pricing) as PricingSource[])
    for (const b of Object.keys(banks) as BankSource[])
      for (const receiver of [false, true])
        bases.push({
          name: `${pricingLabel[p]}${bankLabel[b]}${receiver ? 'Receiver' : ''}`,
          pricing: p,
          bank: b,
          receiver,
          body: structuredClone({ userId: parts.userId, ...pricing[p], ...banks[b], ...(receiver ? parts.receiver : {}) }),
        });
  return bases;
}
