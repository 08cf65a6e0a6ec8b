// The Prism mock (`npm run mock`) of the bundled spec: a consumer gets every scenario's answer by
// name, the mock rejects bodies that break the either/or rules, and the contract suite passes
// against it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCatalogFromSpec } from '../../scripts/lib/error-catalog.ts';
import { loadBundledSpec } from '../../scripts/lib/spec-schemas.ts';
import { defaultFixturesPath, fixtureAt, loadFixtures } from '../../src/contract/fixtures.ts';
import { runContractSuite } from '../../src/contract/run-contract-suite.ts';
import { operationPath, contractScenarios } from '../../src/contract/scenarios.ts';
import { padForTransportScenario } from '../../src/contract/transport-padding.ts';
import { startPrism, type PrismServer } from '../../src/prism/start-prism.ts';
import { postJson } from '../support/post-json.ts';
import { clone, requestExamples } from '../support/spec.ts';

const scenarios = contractScenarios(loadBundledSpec());
const fixtures = loadFixtures(defaultFixturesPath);
const validKey = String(fixtureAt(fixtures, 'apiKeys.valid'));

const work = mkdtempSync(join(tmpdir(), 'off-ramp-mock-'));
let mock: PrismServer;
beforeAll(async () => {
  mock = await startPrism({ mode: 'mock', log: join(work, 'prism-mock.log') });
});
afterAll(async () => {
  await mock?.close();
  rmSync(work, { recursive: true, force: true });
});

const post = (body: unknown, headers: Record<string, string | undefined> = {}) => postJson(`${mock.url}${operationPath}`, body, { 'partner-api-key': validKey, ...headers });

describe('a consumer gets each scenario from the mock by name', () => {
  test.each(scenarios.map((s) => [s.catalogRow ? `catalog row ${s.name}` : `success ${s.name}`, s] as const))('%s', async (_, scenario) => {
    const apiKey = scenario.apiKeyFixture === null ? undefined : String(fixtureAt(fixtures, scenario.apiKeyFixture));
    const request = padForTransportScenario(scenario, { body: JSON.stringify(scenario.requestBody), headers: {} });
    const reply = await postJson(`${mock.url}${operationPath}`, request.body, { ...request.headers, 'partner-api-key': apiKey, Prefer: `code=${scenario.status}, example=${scenario.name}` });
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

describe('the mock rejects bodies that break the either/or (oneOf) rules', () => {
  // Prism lists request violations in `sl-violations` (a JSON array; past a size it prefixes
  // "Too many violations!" and cuts the array short), so the codes are read by pattern.
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

  test.each([
    ['pricing: a quote and an amount', change(quoted, (b) => (b.fiatAmount = 1500))],
    ['pricing: a quote and the symbols', change(quoted, (b) => Object.assign(b, { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC' }))],
    ['pricing: both amounts', change(explicit, (b) => (b.cryptoAmount = 10))],
    ['pricing: no amount', change(explicit, (b) => delete b.fiatAmount)],
    ['pricing: neither a quote nor symbols', change(explicit, (b) => ['fiatCurrency', 'blockchainSymbol', 'tokenSymbol', 'fiatAmount'].forEach((k) => delete b[k]))],
    ['bank source: inline and saved', change(explicit, (b) => (b.userBankInformationId = quoted.userBankInformationId))],
    ['bank source: neither', change(explicit, (b) => delete b.userBankInformation)],
    ['bank details: a Mexican account with a Dominican field', change(explicit, (b) => (b.userBankInformation.documentType = 'CEDULA'))],
    ['account holder: individual and business at once', change(us, (b) => (b.userBankInformation.accountHolder.businessName = 'Acme LLC'))],
  ])('%s: 400 with a oneOf violation', async (_, body) => {
    const reply = await post(body);
    expect(reply.status).toBe(400);
    expect(violations(reply)).toContain('oneOf');
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
    const run = await runContractSuite({ server: mock.url, target: 'server', reportPath: join(work, 'mock-as-server.xml') });
    expect(run.passed).toBe(false);
    expect(run.results.find((r) => r.scenario.name === 'ReceiverNotFound')!.verdict).toBe('fail');
  });
});
