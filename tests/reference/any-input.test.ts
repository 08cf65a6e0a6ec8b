// No input makes the reference implementation answer outside the catalog: arbitrary bodies and
// keys get a status of the spec and a body valid against that status' schema, and valid bodies
// of every branch are created. Nothing reaches the last-resort handler (no "internal error" log).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalogError } from '../../packages/client/src/catalog/catalog-error.ts';
import { errorCatalog } from '../../packages/client/generated/error-catalog.ts';
import { inlineBankByCurrency } from '../../packages/tools/src/fuzz/bank-arbitraries.ts';
import { validOffRampRequest } from '../../packages/tools/src/fuzz/request-arbitraries.ts';
import { invalidOffRampRequest } from '../../packages/tools/src/fuzz/request-mutations.ts';
import { validatorOf } from '../support/spec.ts';
import { fixtures, useReferenceServer, type Reply } from '../support/reference-http.ts';

const logLines: string[] = [];
const server = useReferenceServer({ log: (line) => logLines.push(line) });

const schemaOfStatus: Record<number, string> = {
  201: 'OffRampCreatedResponse',
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
};

function expectSpecAnswer(reply: Reply): void {
  const schema = schemaOfStatus[reply.status];
  expect(schema, `status ${reply.status}: ${reply.text}`).toBeDefined();
  const validate = validatorOf(schema!);
  expect(validate(reply.json), `${reply.text}\n${JSON.stringify(validate.errors)}`).toBe(true);
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
}

const otherKeys = [undefined, '', ...Object.values(fixtures.apiKeys).filter((k) => k !== fixtures.apiKeys.valid), `pk_live_${'A'.repeat(32)}`];
/** Mostly the valid key, so that most requests get past authentication. */
const key = fc.oneof({ weight: 6, arbitrary: fc.constant(fixtures.apiKeys.valid) }, { weight: 2, arbitrary: fc.constantFrom(...otherKeys) });
const ids = (group: Record<string, string>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Object.values(group)) }, { weight: 1, arbitrary: fc.uuid() });
/** Per field, values that are often plausible: fixture ids and symbols, spreads and amounts near the limits, bank details. */
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  userId: ids(fixtures.users),
  quoteId: ids(fixtures.quotes),
  userBankInformationId: ids(fixtures.bankInformation),
  receiverId: ids(fixtures.receivers),
  fiatCurrency: fc.constantFrom('MXN', 'DOP', 'USD', 'EUR', fixtures.fiatCurrencies.unavailable),
  blockchainSymbol: fc.constantFrom('POL', 'SOL', 'ETH', fixtures.blockchains.unavailable),
  tokenSymbol: fc.constantFrom('USDC', 'USDT', 'ETH', fixtures.tokens.nonStable),
  // Scaled integers: fc.double spreads over representable doubles, almost all of them tiny.
  fiatAmount: fc.integer({ min: 0, max: 20_000_000 }).map((cents) => cents / 100),
  cryptoAmount: fc.integer({ min: 0, max: 100_000_000_000 }).map((micros) => micros / 1e6),
  premiumSpread: fc.integer({ min: 0, max: 12_000 }).map((basisPoints) => basisPoints / 10_000),
  userBankInformation: fc.oneof(...Object.values(inlineBankByCurrency)),
};
/** One field changed: a plausible value, any JSON value, or removed (`undefined`). */
const fieldChange = (field: string) =>
  fc
    .oneof(
      { weight: 6, arbitrary: plausible[field]! },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    )
    .map((value) => [field, value] as const);
const changes = fc.subarray(Object.keys(plausible), { minLength: 1, maxLength: 2 }).chain((fields) => fc.tuple(...fields.map(fieldChange)));
/** Catalog rows (and 201) the fuzz reached: it must reach them all, or it does not test every step. */
const reached = new Set<string>();
const answerName = (reply: Reply) => (reply.status === 201 ? '201' : `${reply.json.error.code}: ${reply.json.error.message.replace(/ \d+ and \d+$/, '')}`);

describe('any input gets an answer of the spec', () => {
  test('arbitrary JSON bodies with any key (400 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...otherKeys, fixtures.apiKeys.valid), async (body, apiKey) => {
        expectSpecAnswer(await server.send({ body, headers: { 'partner-api-key': apiKey } }));
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  test('valid bodies with fields replaced or removed (3 000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(validOffRampRequest(fixtures), changes, key, async (body, changed, apiKey) => {
        const changedBody: Record<string, unknown> = { ...body };
        for (const [field, value] of changed) {
          if (value === undefined) delete changedBody[field];
          else changedBody[field] = value;
        }
        const reply = await server.send({ body: changedBody, headers: { 'partner-api-key': apiKey } });
        expectSpecAnswer(reply);
        reached.add(answerName(reply));
      }),
      { numRuns: 3000, seed: 2 },
    );
  });

  test('the fuzz reached every catalog row and 201', () => {
    // The three transport rows need oversized or stalled bytes, not another body:
    // tests/reference/http.test.ts and transport.test.ts reach them.
    const bodyRows = errorCatalog.filter((row) => row.status !== 408 && row.status !== 413 && row.status !== 431);
    const rows = bodyRows.map((row) => `${row.code}: ${row.message.replace(/ \{min\} and \{max\}$/, '')}`);
    expect([...reached].sort()).toEqual(['201', ...rows].sort());
  });

  test('nothing reached the last-resort handler', () => {
    expect(logLines.length).toBeGreaterThan(3000);
    expect(logLines.filter((line) => line.includes('internal error'))).toEqual([]);
  });
});

describe('generated requests of every branch', () => {
  test('valid bodies are created (500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(validOffRampRequest(fixtures), async (body) => {
        const reply = await server.send({ body });
        expect(reply.status, `${JSON.stringify(body)}\n${reply.text}`).toBe(201);
        expectSpecAnswer(reply);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  test('a targeted violation gets its catalog row (500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(invalidOffRampRequest(validOffRampRequest(fixtures)), async ({ mutation, body }) => {
        const reply = await server.send({ body });
        const { status, code, message } = catalogError(mutation.expected);
        expect([mutation.name, reply.status, reply.json.error?.code, reply.json.error?.message]).toEqual([mutation.name, status, code, message]);
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});
