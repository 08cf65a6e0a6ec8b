// No input makes the reference implementation answer outside the catalog: arbitrary bodies and
// keys get a status of the spec and a body valid against that status' schema, and valid bodies
// of every branch are created. Nothing reaches the last-resort handler (no "internal error" log).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalogError } from '../../src/catalog/catalog-error.ts';
import { validOffRampRequest } from '../../src/fuzz/request-arbitraries.ts';
import { invalidOffRampRequest } from '../../src/fuzz/request-mutations.ts';
import { validatorOf } from '../support/spec.ts';
import { fixtures, useReferenceServer, type Reply } from './reference-http.ts';

const logLines: string[] = [];
const server = useReferenceServer({ log: (line) => logLines.push(line) });

const schemaOfStatus: Record<number, string> = { 201: 'OffRampCreatedResponse', 400: 'BadRequestError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError' };

function expectSpecAnswer(reply: Reply): void {
  const schema = schemaOfStatus[reply.status];
  expect(schema, `status ${reply.status}: ${reply.text}`).toBeDefined();
  const validate = validatorOf(schema!);
  expect(validate(reply.json), `${reply.text}\n${JSON.stringify(validate.errors)}`).toBe(true);
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
}

const key = fc.constantFrom<string | undefined>(undefined, '', ...Object.values(fixtures.apiKeys), 'pk_live_' + 'A'.repeat(32));
const fieldNames = ['userId', 'quoteId', 'fiatAmount', 'cryptoAmount', 'fiatCurrency', 'blockchainSymbol', 'tokenSymbol', 'premiumSpread', 'receiverId', 'userBankInformation', 'userBankInformationId'];
const fixtureStrings = [...Object.values(fixtures.users), ...Object.values(fixtures.quotes), ...Object.values(fixtures.bankInformation), ...Object.values(fixtures.receivers), 'MXN', 'GBP', 'POL', 'SOL', 'TRX', 'USDC', 'wBTC'];
/** JSON values that are sometimes right: fixture ids and symbols, numbers, any JSON. */
const fieldValue = fc.oneof(fc.constantFrom(...fixtureStrings), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.jsonValue({ maxDepth: 3 }));

describe('any input gets an answer of the spec', () => {
  test('arbitrary JSON bodies with any key (400 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), key, async (body, apiKey) => {
        expectSpecAnswer(await server.send({ body, headers: { 'partner-api-key': apiKey } }));
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  test('valid bodies with fields replaced by arbitrary values (1 000 runs)', async () => {
    const valid = validOffRampRequest(fixtures);
    const changes = fc.dictionary(fc.constantFrom(...fieldNames), fieldValue, { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(valid, changes, key, async (body, changed, apiKey) => {
        expectSpecAnswer(await server.send({ body: { ...body, ...changed }, headers: { 'partner-api-key': apiKey } }));
      }),
      { numRuns: 1000, seed: 2 },
    );
  });

  test('nothing reached the last-resort handler', () => {
    expect(logLines.length).toBeGreaterThan(1000);
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
