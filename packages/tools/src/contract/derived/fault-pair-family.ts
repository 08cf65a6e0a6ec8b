// The family `fault-pair`: for each two adjacent steps of the order of checks (the spec's
// x-order-of-checks), one request with a fault of each; the earlier step must answer. A fault is
// known per step name, so reordering the steps in the spec changes what these scenarios expect.
import { type CheckStep, orderOfChecks } from '../../spec/order-of-checks.ts';
import type { Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type RequestBody, type SkippedCase } from './derivation-context.ts';
import { bankFields, pricingFields, type RequestBase, requestBases } from './request-bases.ts';

export const faultPairFamily = 'fault-pair';

interface StepFault {
  /** The catalog row it is answered with (one of its step's rows) and where its details point. */
  row: string;
  detailPaths?: string[];
  description: string;
  appliesTo(base: RequestBase): boolean;
  /** The body members it changes (`*` for the whole body; `header` for the key). */
  touches: readonly string[];
  /** Changes the request; `body` is replaced when it returns a value. */
  change(request: { body: RequestBody; apiKeyFixture: string | null }, context: DerivationContext): unknown;
}

const any = () => true;

/** A fault that leaves out every member of a source. */
const withoutFields = (row: string, description: string, fields: readonly string[]): StepFault => ({
  row,
  description,
  appliesTo: any,
  touches: fields,
  change: ({ body }) => {
    for (const field of fields) delete body[field];
  },
});

/** A fault that puts a fixture's value into one member. */
const fixtureFault = (row: string, description: string, appliesTo: (base: RequestBase) => boolean, field: string, fixture: string): StepFault => ({
  row,
  description,
  appliesTo,
  touches: [field],
  change: ({ body }, context) => {
    body[field] = context.fixture(fixture);
  },
});

/** One fault for each step that a request can get wrong (the transport step has its own named scenarios). */
const stepFaults: Record<string, StepFault> = {
  body: { row: 'InvalidUserInput', detailPaths: [''], description: 'a body that is a JSON array', appliesTo: any, touches: ['*'], change: () => [] },
  authentication: {
    row: 'ApiKeyMissing',
    description: 'no partner key',
    appliesTo: any,
    touches: ['header'],
    change: (request) => {
      request.apiKeyFixture = null;
    },
  },
  userId: {
    row: 'UserIdMissing',
    description: 'no userId',
    appliesTo: any,
    touches: ['userId'],
    change: ({ body }) => {
      delete body.userId;
    },
  },
  user: fixtureFault('UserNotVerified', 'a user without KYC', any, 'userId', 'users.unverified'),
  shape: {
    row: 'InvalidUserInput',
    detailPaths: ['/premiumSpread'],
    description: 'a premiumSpread that is a string',
    appliesTo: any,
    touches: ['premiumSpread'],
    change: ({ body }) => {
      body.premiumSpread = '0.01';
    },
  },
  pricingSource: withoutFields('PricingSourceMissing', 'no pricing source', pricingFields),
  bankSource: withoutFields('BankSourceMissing', 'no bank account source', bankFields),
  quote: fixtureFault('QuoteExpired', 'an expired quote', (b) => b.pricing === 'quote', 'quoteId', 'quotes.expired'),
  currency: fixtureFault('FiatCurrencyUnavailable', 'a currency not available', (b) => b.pricing !== 'quote', 'fiatCurrency', 'fiatCurrencies.unavailable'),
  chainToken: fixtureFault('ChainTokenUnavailable', 'a chain not available', (b) => b.pricing !== 'quote', 'blockchainSymbol', 'blockchains.unavailable'),
  savedBank: fixtureFault('BankInformationNotFound', 'an unknown saved account', (b) => b.bank === 'saved', 'userBankInformationId', 'bankInformation.unknown'),
  receiver: fixtureFault('ReceiverNotFound', 'an unknown receiver', (b) => !b.receiver, 'receiverId', 'receivers.unknown'),
  amounts: fixtureFault('FiatAmountOutOfRange', 'a fiat amount above the limit', (b) => b.pricing === 'fiatAmount', 'fiatAmount', 'amounts.fiatOutOfRange'),
};

// `*` is every body member; the key header is no body member.
const bodyMembers = (fields: readonly string[]) => fields.filter((field) => field !== 'header');
const overlaps = (a: readonly string[], b: readonly string[]) =>
  a.some((field) => b.includes(field)) || (a.includes('*') && bodyMembers(b).length > 0) || (b.includes('*') && bodyMembers(a).length > 0);

function checkFaultRows(steps: CheckStep[]): void {
  for (const step of steps) {
    const fault = stepFaults[step.step];
    if (fault && !step.rows.includes(fault.row)) throw new Error(`The fault for step ${step.step} is answered with ${fault.row}, not one of the step's rows`);
  }
}

export function faultPairScenarios(context: DerivationContext): { scenarios: Scenario[]; skipped: SkippedCase[] } {
  const steps = orderOfChecks(context.spec);
  checkFaultRows(steps);
  const bases = requestBases(context.named);
  const scenarios: Scenario[] = [];
  const skipped: SkippedCase[] = [];
  for (let i = 0; i + 1 < steps.length; i++) {
    const [earlier, later] = [steps[i]!, steps[i + 1]!];
    const name = `${earlier.step}+${later.step}`;
    const [first, second] = [stepFaults[earlier.step], stepFaults[later.step]];
    if (!first || !second) {
      skipped.push({ name, reason: `no request fault is known for the step ${(first ? later : earlier).step}` });
      continue;
    }
    if (overlaps(first.touches, second.touches)) {
      skipped.push({ name, reason: `both faults are in ${first.touches.join(', ')}` });
      continue;
    }
    const base = bases.find((b) => first.appliesTo(b) && second.appliesTo(b));
    if (!base) {
      skipped.push({ name, reason: `no request can have both ${first.description} and ${second.description}` });
      continue;
    }
    const request = { body: structuredClone(base.body), apiKeyFixture: 'apiKeys.valid' as string | null };
    for (const fault of [second, first]) {
      const replaced = fault.change(request, context);
      if (replaced !== undefined) request.body = replaced as RequestBody;
    }
    scenarios.push(
      derivedScenario(
        context,
        faultPairFamily,
        `pair.${name}`,
        `${first.description} (${earlier.step}) and ${second.description} (${later.step}): the step ${earlier.step} answers`,
        request,
        { row: first.row, ...(first.detailPaths ? { detailPaths: first.detailPaths } : {}) },
      ),
    );
  }
  return { scenarios, skipped };
}
