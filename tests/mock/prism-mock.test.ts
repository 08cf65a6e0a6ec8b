// The mock (`npm run mock`: Prism behind the validating front) of the bundled spec: a consumer gets
// every scenario's answer by name, bodies that break the either/or rules get the server's own
// catalog row, and the contract suite passes against it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCatalogFromSpec } from '../../packages/tools/src/spec/error-catalog.ts';
import { catalogError, type CatalogRowName } from '../../packages/client/src/catalog/catalog-error.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { defaultFixturesPath, fixtureAt, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { contractScenarios } from '../../packages/tools/src/contract/scenarios.ts';
import { padForTransportScenario } from '../../packages/tools/src/contract/transport-padding.ts';
import { validateOffRampRequest } from '../../packages/client/src/preflight/validate-off-ramp-request.ts';
import { startMock, type MockServer } from '../../packages/tools/src/prism/start-mock.ts';
import { postJson } from '../support/post-json.ts';
import { clone, requestExamples } from '../support/spec.ts';
import { offRampPath } from '../../packages/client/generated/protocol.ts';

const scenarios = contractScenarios(loadBundledSpec());
const fixtures = loadFixtures(defaultFixturesPath);
const validKey = String(fixtureAt(fixtures, 'apiKeys.valid'));

const work = mkdtempSync(join(tmpdir(), 'off-ramp-mock-'));
let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ log: join(work, 'prism-mock.log') });
});
afterAll(async () => {
  await mock?.close();
  rmSync(work, { recursive: true, force: true });
});

const post = (body: unknown, headers: Record<string, string | undefined> = {}) =>
  postJson(`${mock.url}${offRampPath}`, body, { 'partner-api-key': validKey, ...headers });

describe('a consumer gets each scenario from the mock by name', () => {
  test.each(scenarios.map((s) => [s.catalogRow ? `catalog row ${s.name}` : `success ${s.name}`, s] as const))('%s', async (_, scenario) => {
    const apiKey = scenario.apiKeyFixture === null ? undefined : String(fixtureAt(fixtures, scenario.apiKeyFixture));
    const request = padForTransportScenario(scenario, { body: JSON.stringify(scenario.requestBody), headers: {} });
    const reply = await postJson(`${mock.url}${offRampPath}`, request.body, {
      ...request.headers,
      'partner-api-key': apiKey,
      Prefer: `code=${scenario.status}, example=${scenario.name}`,
    });
    expect(reply.status).toBe(scenario.status);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body).toEqual(scenario.responseExample);
  });

  test('every catalog row is among them', () => {
    const names = (list: { name: string }[]) => list.map((item) => item.name).sort();
    expect(names(scenarios.filter((s) => s.catalogRow))).toEqual(names(errorCatalogFromSpec(loadBundledSpec())));
  });
});

const explicit = requestExamples.FiatAmountToMexico!.value;
const us = requestExamples.FiatAmountToUnitedStates!.value;
const quoted = requestExamples.QuoteWithSavedBank!.value;
const change = (body: any, edit: (b: any) => void) => {
  const copy = clone(body);
  edit(copy);
  return copy;
};

describe('the mock answers bodies that break the either/or (oneOf) rules as the server does', () => {
  // Prism lists request violations in `sl-violations`; the front relays it with Prism's 201.
  const violations = (reply: { headers: Headers }): string[] => [...(reply.headers.get('sl-violations') ?? '').matchAll(/"code":"([^"]+)"/g)].map((m) => m[1]!);

  test.each([
    ['the nearest valid explicit body', explicit],
    ['the nearest valid quoted body', quoted],
    ['the nearest valid US body', us],
  ])('%s is accepted without violations', async (_, body) => {
    const reply = await post(body);
    expect(reply.status).toBe(201);
    expect(violations(reply)).toEqual([]);
  });

  // Before the validating front, Prism answered each of these with its first 400 example
  // (INVALID_USER_INPUT_ERROR) and a `oneOf` violation; the server answers the catalog row below.
  test.each<[string, { given: unknown; want: CatalogRowName }]>([
    ['pricing: a quote and an amount', { given: change(quoted, (b) => (b.fiatAmount = 1500)), want: 'PricingSourceMissing' }],
    [
      'pricing: a quote and the symbols',
      { given: change(quoted, (b) => Object.assign(b, { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC' })), want: 'PricingSourceMissing' },
    ],
    ['pricing: both amounts', { given: change(explicit, (b) => (b.cryptoAmount = 10)), want: 'PricingSourceMissing' }],
    ['pricing: no amount', { given: change(explicit, (b) => delete b.fiatAmount), want: 'PricingSourceMissing' }],
    [
      'pricing: neither a quote nor symbols',
      {
        given: change(explicit, (b) => {
          for (const k of ['fiatCurrency', 'blockchainSymbol', 'tokenSymbol', 'fiatAmount']) delete b[k];
        }),
        want: 'PricingSourceMissing',
      },
    ],
    ['bank source: inline and saved', { given: change(explicit, (b) => (b.userBankInformationId = quoted.userBankInformationId)), want: 'BankSourceMissing' }],
    ['bank source: neither', { given: change(explicit, (b) => delete b.userBankInformation), want: 'BankSourceMissing' }],
    [
      'bank details: a Mexican account with a Dominican field',
      { given: change(explicit, (b) => (b.userBankInformation.documentType = 'CEDULA')), want: 'InvalidUserInput' },
    ],
    [
      'account holder: individual and business at once',
      { given: change(us, (b) => (b.userBankInformation.accountHolder.businessName = 'Acme LLC')), want: 'InvalidUserInput' },
    ],
  ])("%s: 400 with the server's catalog row", async (_, { given, want }) => {
    const reply = await post(given);
    const { status, code, message } = catalogError(want);
    expect([reply.status, reply.body.error.code, reply.body.error.message]).toEqual([status, code, message]);
    const preflight = validateOffRampRequest(given);
    expect(preflight.ok).toBe(false);
    if (!preflight.ok) expect(reply.body.error.details).toEqual(preflight.error.details);
  });
});

describe('the contract suite against the mock', () => {
  test('every scenario passes when asked for by name, every catalog row covered', async () => {
    const run = await runContractSuite({ server: mock.url, target: 'prism-mock', reportPath: join(work, 'mock.xml') });
    expect(run.results.filter((r) => r.verdict !== 'pass').map((r) => r.scenario.name)).toEqual([]);
    expect(run.catalogRowsCovered).toBe(run.catalogRows);
    expect(run.passed).toBe(true);
  });

  test('without asking by name, the stateless mock fails the scenarios it cannot derive', async () => {
    // The named scenarios are enough to show it (the derived ones add nothing to this verdict).
    const run = await runContractSuite({ server: mock.url, target: 'server', derived: false, reportPath: join(work, 'mock-as-server.xml') });
    expect(run.passed).toBe(false);
    expect(run.results.find((r) => r.scenario.name === 'ReceiverNotFound')!.verdict).toBe('fail');
  });
});
