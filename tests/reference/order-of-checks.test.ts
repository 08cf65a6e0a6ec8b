// The order of checks (the spec's operation description): a request with faults at two steps is
// answered for the earlier step. Every compatible pair of faults from different steps is a row;
// each fault alone is a row too, so that a pair can only pass when both faults are live.
import { describe, expect, test } from 'vitest';
import { catalogError, type CatalogRowName } from '../../packages/client/src/catalog/catalog-error.ts';
import { clone, requestExamples } from '../support/spec.ts';
import { fixtures, useReferenceServer, type Outgoing } from '../support/reference-http.ts';
import { orderOfChecks, stepIndex } from '../../packages/tools/src/spec/order-of-checks.ts';
import { spec } from '../support/spec.ts';

const server = useReferenceServer();
// The order comes from the spec: swap two steps there and the expected winners below change.
const steps = orderOfChecks(spec);
const position = (fault: Fault) => stepIndex(steps, fault.step);

type Pricing = 'quote' | 'explicit';
type Bank = 'inline' | 'saved';
type Request = { headers: Record<string, string | undefined>; body: Record<string, unknown>; raw?: string };

interface Fault {
  /** The step of the spec's x-order-of-checks whose check this fault breaks. */
  step: string;
  name: string;
  pricing?: Pricing;
  bank?: Bank;
  /** What the fault changes: body fields, or `content-type`, `key`, `raw` (the whole body). */
  touches: string[];
  apply(request: Request): void;
  expected: CatalogRowName;
  /** For INVALID_USER_INPUT_ERROR: the path of its one detail. */
  detailPath?: string;
}

const mexicanInline = requestExamples.FiatAmountToMexico!.value.userBankInformation;
const dominicanInline = requestExamples.CryptoAmountToDominicanRepublic!.value.userBankInformation;
const { users, quotes, bankInformation, receivers, apiKeys } = fixtures;

function baseRequest(pricing: Pricing, bank: Bank): Request {
  const body: Record<string, unknown> = { userId: users.verified };
  if (pricing === 'quote') body.quoteId = quotes.valid;
  else Object.assign(body, { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', fiatAmount: 1500 });
  if (bank === 'inline') body.userBankInformation = clone(mexicanInline);
  else body.userBankInformationId = bankInformation.owned;
  return { headers: { 'content-type': 'application/json', 'partner-api-key': apiKeys.valid }, body };
}

const set = (field: string, value: unknown) => (request: Request) => {
  request.body[field] = value;
};
const drop =
  (...fields: string[]) =>
  (request: Request) => {
    for (const field of fields) delete request.body[field];
  };
const header = (name: string, value: string | undefined) => (request: Request) => {
  request.headers[name] = value;
};
const rawBody = (raw: string) => (request: Request) => {
  request.raw = raw;
};

const faults: Fault[] = [
  {
    step: 'body',
    name: 'Content-Type text/plain',
    touches: ['content-type'],
    apply: header('content-type', 'text/plain'),
    expected: 'InvalidUserInput',
    detailPath: '',
  },
  { step: 'body', name: 'malformed JSON', touches: ['raw'], apply: rawBody('{"userId": '), expected: 'InvalidUserInput', detailPath: '' },
  { step: 'body', name: 'a JSON array', touches: ['raw'], apply: rawBody('[]'), expected: 'InvalidUserInput', detailPath: '' },
  { step: 'authentication', name: 'no API key', touches: ['key'], apply: header('partner-api-key', undefined), expected: 'ApiKeyMissing' },
  { step: 'authentication', name: 'a malformed key', touches: ['key'], apply: header('partner-api-key', apiKeys.malformed), expected: 'ApiKeyMalformed' },
  { step: 'authentication', name: 'an unknown key', touches: ['key'], apply: header('partner-api-key', apiKeys.unknown), expected: 'ApiKeyUnknown' },
  {
    step: 'authentication',
    name: 'a partner without the flow',
    touches: ['key'],
    apply: header('partner-api-key', apiKeys.invalidFlow),
    expected: 'InvalidPartnerFlow',
  },
  { step: 'userId', name: 'no userId', touches: ['userId'], apply: drop('userId'), expected: 'UserIdMissing' },
  { step: 'userId', name: 'userId not a UUID', touches: ['userId'], apply: set('userId', 'user-42'), expected: 'InvalidUserInput', detailPath: '/userId' },
  { step: 'user', name: 'an unverified user', touches: ['userId'], apply: set('userId', users.unverified), expected: 'UserNotVerified' },
  { step: 'user', name: 'an unknown user', touches: ['userId'], apply: set('userId', '00000000-0000-4000-8000-000000000000'), expected: 'UserNotVerified' },
  { step: 'user', name: "a receiver's account", touches: ['userId'], apply: set('userId', users.receiverAccount), expected: 'ReceiverCannotInitiate' },
  { step: 'shape', name: 'an unknown property', touches: ['extra'], apply: set('extra', 1), expected: 'InvalidUserInput', detailPath: '/extra' },
  {
    step: 'shape',
    name: 'premiumSpread of 1',
    touches: ['premiumSpread'],
    apply: set('premiumSpread', 1),
    expected: 'InvalidUserInput',
    detailPath: '/premiumSpread',
  },
  {
    step: 'shape',
    name: 'a CLABE of 17 digits',
    bank: 'inline',
    touches: ['userBankInformation'],
    apply: set('userBankInformation', { country: 'MX', accountIdentifier: '01218001234567890' }),
    expected: 'InvalidUserInput',
    detailPath: '/userBankInformation/accountIdentifier',
  },
  {
    step: 'pricingSource',
    name: 'both amounts',
    pricing: 'explicit',
    touches: ['cryptoAmount'],
    apply: set('cryptoAmount', 100),
    expected: 'PricingSourceMissing',
  },
  // A chain, not a currency: a currency would also have to match the bank country (step 5).
  {
    step: 'pricingSource',
    name: 'a quote and a chain',
    pricing: 'quote',
    touches: ['blockchainSymbol'],
    apply: set('blockchainSymbol', 'POL'),
    expected: 'PricingSourceMissing',
  },
  {
    step: 'bankSource',
    name: 'no bank source',
    touches: ['userBankInformation', 'userBankInformationId'],
    apply: drop('userBankInformation', 'userBankInformationId'),
    expected: 'BankSourceMissing',
  },
  {
    step: 'bankSource',
    name: 'both bank sources',
    // The inline account it adds is Mexican, so the currency must stay MXN (or a step-5 fault appears).
    touches: ['userBankInformation', 'userBankInformationId', 'fiatCurrency'],
    apply: (r) => Object.assign(r.body, { userBankInformation: clone(mexicanInline), userBankInformationId: bankInformation.owned }),
    expected: 'BankSourceMissing',
  },
  { step: 'quote', name: 'an expired quote', pricing: 'quote', touches: ['quoteId'], apply: set('quoteId', quotes.expired), expected: 'QuoteExpired' },
  { step: 'quote', name: 'an on-ramp quote', pricing: 'quote', touches: ['quoteId'], apply: set('quoteId', quotes.onRamp), expected: 'QuoteNotOffRamp' },
  {
    step: 'quote',
    name: 'an unknown quote',
    pricing: 'quote',
    touches: ['quoteId'],
    apply: set('quoteId', '00000000-0000-4000-8000-000000000001'),
    expected: 'QuoteNotOffRamp',
  },
  {
    step: 'currency',
    name: 'a disabled currency',
    pricing: 'explicit',
    touches: ['fiatCurrency'],
    apply: set('fiatCurrency', fixtures.fiatCurrencies.unavailable),
    expected: 'FiatCurrencyUnavailable',
  },
  {
    step: 'chainToken',
    name: 'a disabled chain',
    pricing: 'explicit',
    touches: ['blockchainSymbol'],
    apply: set('blockchainSymbol', fixtures.blockchains.unavailable),
    expected: 'ChainTokenUnavailable',
  },
  {
    step: 'chainToken',
    name: 'a non-stable token',
    pricing: 'explicit',
    touches: ['tokenSymbol'],
    apply: set('tokenSymbol', fixtures.tokens.nonStable),
    expected: 'TokenNotStable',
  },
  {
    step: 'savedBank',
    name: 'an unknown saved account',
    bank: 'saved',
    touches: ['userBankInformationId'],
    apply: set('userBankInformationId', bankInformation.unknown),
    expected: 'BankInformationNotFound',
  },
  {
    step: 'savedBank',
    name: "another partner's saved account",
    bank: 'saved',
    touches: ['userBankInformationId'],
    apply: set('userBankInformationId', bankInformation.otherPartner),
    expected: 'BankInformationOfOtherPartner',
  },
  {
    step: 'savedBank',
    name: "another user's saved account",
    bank: 'saved',
    touches: ['userBankInformationId'],
    apply: set('userBankInformationId', bankInformation.otherUser),
    expected: 'BankInformationOfOtherUser',
  },
  {
    step: 'savedBank',
    name: 'a saved MX account paid in DOP',
    pricing: 'explicit',
    bank: 'saved',
    touches: ['fiatCurrency'],
    apply: set('fiatCurrency', 'DOP'),
    expected: 'InvalidUserInput',
    detailPath: '/userBankInformationId',
  },
  {
    step: 'savedBank',
    name: 'an MXN quote paid to a DO account',
    pricing: 'quote',
    bank: 'inline',
    touches: ['userBankInformation'],
    apply: set('userBankInformation', clone(dominicanInline)),
    expected: 'InvalidUserInput',
    detailPath: '/userBankInformation/country',
  },
  { step: 'receiver', name: 'an unknown receiver', touches: ['receiverId'], apply: set('receiverId', receivers.unknown), expected: 'ReceiverNotFound' },
  {
    step: 'receiver',
    name: "another user's receiver",
    touches: ['receiverId'],
    apply: set('receiverId', receivers.otherUser),
    expected: 'ReceiverOfOtherUser',
  },
  {
    step: 'receiver',
    name: 'an unverified receiver',
    touches: ['receiverId'],
    apply: set('receiverId', receivers.unverified),
    expected: 'ReceiverNotVerified',
  },
  {
    step: 'amounts',
    name: 'a fiat amount above the maximum',
    pricing: 'explicit',
    touches: ['fiatAmount'],
    apply: set('fiatAmount', fixtures.amounts.fiatOutOfRange),
    expected: 'FiatAmountOutOfRange',
  },
  {
    step: 'amounts',
    name: 'a crypto amount above the maximum',
    pricing: 'explicit',
    touches: ['fiatAmount', 'cryptoAmount'],
    apply: (r) => Object.assign(drop('fiatAmount')(r) ?? r.body, { cryptoAmount: fixtures.amounts.cryptoOutOfRange }),
    expected: 'TokenAmountOutOfRange',
  },
];

const outgoing = (request: Request): Outgoing => ({ headers: request.headers, ...(request.raw !== undefined ? { raw: request.raw } : { body: request.body }) });

/** Pricing and bank kinds a fault (or pair) fits, or undefined when a pair cannot share a request. */
function sharedBase(...pair: Fault[]): { pricing: Pricing; bank: Bank } | undefined {
  const pricings = new Set(pair.map((f) => f.pricing).filter(Boolean));
  const banks = new Set(pair.map((f) => f.bank).filter(Boolean));
  if (pricings.size > 1 || banks.size > 1) return undefined;
  const fields = pair.map((f) => f.touches);
  const bodyWide = (touches: string[]) => touches.includes('raw');
  const bodyFields = (touches: string[]) => touches.filter((t) => t !== 'content-type' && t !== 'key');
  if (fields[0]!.some((t) => fields[1]?.includes(t))) return undefined;
  if (fields.length === 2 && ((bodyWide(fields[0]!) && bodyFields(fields[1]!).length > 0) || (bodyWide(fields[1]!) && bodyFields(fields[0]!).length > 0)))
    return undefined;
  return { pricing: [...pricings][0] ?? 'explicit', bank: [...banks][0] ?? 'inline' };
}

function requestWith(...applied: Fault[]): Request {
  const base = sharedBase(...applied)!;
  const request = baseRequest(base.pricing, base.bank);
  // Later steps first, so that the earlier fault is applied last and stays intact.
  for (const fault of [...applied].sort((a, b) => position(b) - position(a))) fault.apply(request);
  return request;
}

async function expectAnswer(request: Request, fault: Fault): Promise<void> {
  const reply = await server.send(outgoing(request));
  const { status, code, message } = catalogError(
    fault.expected,
    fault.expected === 'FiatAmountOutOfRange' ? { min: 10, max: 100000 } : fault.expected === 'TokenAmountOutOfRange' ? { min: 5, max: 50000 } : undefined,
  );
  expect({ status: reply.status, code: reply.json?.error?.code, message: reply.json?.error?.message }, reply.text).toEqual({ status, code, message });
  if (fault.detailPath !== undefined) expect(reply.json.error.details.map((d: { path: string }) => d.path)).toEqual([fault.detailPath]);
}

const pairs = faults.flatMap((earlier) =>
  faults.filter((later) => position(later) > position(earlier) && sharedBase(earlier, later)).map((later) => [earlier, later] as const),
);

describe('order of checks', () => {
  test.each([
    ['explicit', 'inline'],
    ['explicit', 'saved'],
    ['quote', 'inline'],
    ['quote', 'saved'],
  ] as const)('the base request (%s pricing, %s bank) is created', async (pricing, bank) => {
    const reply = await server.send(outgoing(baseRequest(pricing, bank)));
    expect(reply.status, reply.text).toBe(201);
  });

  test('each fault answers with a row of its own step', () => {
    expect(faults.filter((fault) => !steps[position(fault)]!.rows.includes(fault.expected)).map((fault) => fault.name)).toEqual([]);
  });

  test.each(faults.map((f) => [f.step, f.name, f] as const))('step %s alone: %s', async (_step, _name, fault) => {
    await expectAnswer(requestWith(fault), fault);
  });

  test.each(pairs.map(([a, b]) => [a.step, a.name, b.step, b.name, a, b] as const))(
    'step %s (%s) before step %s (%s)',
    async (_s1, _n1, _s2, _n2, earlier, later) => {
      await expectAnswer(requestWith(earlier, later), earlier);
    },
  );

  test('every two adjacent steps meet in some row, except where one request cannot hold both faults', () => {
    const adjacent = new Set(pairs.filter(([a, b]) => position(b) === position(a) + 1).map(([a]) => a.step));
    // Transport faults are the transport tests' (tests/reference/transport.test.ts); userId and user
    // are the same field; a quote fixes the currency, chain and token (quote, currency).
    const apart = ['transport', 'userId', 'quote'];
    const expected = steps
      .slice(0, -1)
      .map((step) => step.step)
      .filter((step) => !apart.includes(step));
    expect([...adjacent].sort((a, b) => stepIndex(steps, a) - stepIndex(steps, b))).toEqual(expected);
  });
});

describe('order within a step', () => {
  const named = (name: string) => faults.find((fault) => fault.name === name)!;
  /** [case, the fault that must win, a body change that adds the later fault of the same step] */
  const rows: [string, Fault, Record<string, unknown>][] = [
    ['a disabled chain with a non-stable token: the pair first', named('a disabled chain'), { tokenSymbol: fixtures.tokens.nonStable }],
    ["another user's saved account in another currency: ownership first", named("another user's saved account"), { fiatCurrency: 'DOP' }],
    ["another partner's saved account in another currency: ownership first", named("another partner's saved account"), { fiatCurrency: 'DOP' }],
    ['a crypto amount above the maximum whose fiat equivalent is too: the named amount first', named('a crypto amount above the maximum'), {}],
  ];
  test.each(rows)('%s', async (_name, fault, change) => {
    const request = requestWith(fault);
    Object.assign(request.body, change);
    await expectAnswer(request, fault);
  });
});
