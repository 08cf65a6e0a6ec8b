// Scenarios come from the spec's named example pairs; fixtures are swapped by value; each
// scenario becomes one small description for Dredd. Adding a scenario is one example pair.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { errorCatalogFromSpec } from '../../scripts/lib/error-catalog.ts';
import { loadBundledSpec } from '../../scripts/lib/spec-schemas.ts';
import { defaultFixturesPath, fixtureAt, fixtureSubstitution, loadFixtures } from '../../src/contract/fixtures.ts';
import { runContractSuite } from '../../src/contract/run-contract-suite.ts';
import { dreddDescriptionFor } from '../../src/contract/scenario-descriptions.ts';
import { scenariosFromSpec } from '../../src/contract/scenarios.ts';
import { startReferenceServer } from '../../src/reference/start-reference-server.ts';

const spec = loadBundledSpec();
const scenarios = scenariosFromSpec(spec);
const defaults = loadFixtures(defaultFixturesPath);
const work = mkdtempSync(join(tmpdir(), 'off-ramp-scenarios-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scenarios from the spec', () => {
  test('6 successes under 201 and one scenario per catalog row, with that row', () => {
    const catalog = errorCatalogFromSpec(spec);
    expect(scenarios).toHaveLength(6 + catalog.length);
    expect(scenarios.filter((s) => s.status === 201 && !s.catalogRow)).toHaveLength(6);
    expect(scenarios.filter((s) => s.catalogRow).map((s) => s.catalogRow)).toEqual(expect.arrayContaining(catalog));
    for (const s of scenarios.filter((s) => s.catalogRow)) expect([s.catalogRow!.name, s.catalogRow!.status]).toEqual([s.name, s.status]);
  });

  test('every API key a scenario names is in the fixtures; ApiKeyMissing sends none', () => {
    for (const s of scenarios) if (s.apiKeyFixture !== null) expect(typeof fixtureAt(defaults, s.apiKeyFixture)).toBe('string');
    expect(scenarios.filter((s) => s.apiKeyFixture === null).map((s) => s.name)).toEqual(['ApiKeyMissing']);
  });

  test('each Dredd description holds one request example and only its own response, and no API key', () => {
    for (const s of scenarios) {
      const description = JSON.parse(dreddDescriptionFor(s).content);
      const operation = description.paths['/api/partner/v2/off-ramp'].post;
      expect(description.info.title).toBe(s.name);
      expect(operation.requestBody.content['application/json'].example).toEqual(s.requestBody);
      expect(Object.keys(operation.responses)).toEqual([String(s.status)]);
      expect(operation.responses[String(s.status)].content['application/json'].example).toEqual(s.responseExample);
      // The exchange gate adds the key: no description carries one, so Dredd never holds it.
      expect(operation.parameters).toBeUndefined();
      for (const key of Object.values(defaults.apiKeys as Record<string, string>)) expect(JSON.stringify(description)).not.toContain(key);
    }
  });
});

describe('fixture substitution', () => {
  const chosen = structuredClone(defaults) as any;
  chosen.users.verified = '11111111-2222-4333-8444-555555555555';
  chosen.amounts.fiatOutOfRange = 123456;

  test('replaces default values by value, at any depth, and leaves other values alone', () => {
    const substitute = fixtureSubstitution(defaults, chosen);
    const d = defaults as any;
    const body = { userId: d.users.verified, fiatAmount: d.amounts.fiatOutOfRange, nested: [{ id: d.users.verified }], other: 1500 };
    expect(substitute(body)).toEqual({ userId: chosen.users.verified, fiatAmount: 123456, nested: [{ id: chosen.users.verified }], other: 1500 });
  });

  test.each([
    ['a missing entry', (f: any) => delete f.receivers.unknown, 'missing receivers.unknown'],
    ['a value of another type', (f: any) => (f.amounts.cryptoOutOfRange = '90000'), 'amounts.cryptoOutOfRange must be a number'],
  ])('rejects a fixtures file with %s', (_, spoil, message) => {
    const spoiled = structuredClone(defaults) as any;
    spoil(spoiled);
    expect(() => fixtureSubstitution(defaults, spoiled)).toThrow(message);
  });

  test('rejects default fixtures in which two entries share a value (a value must name one fixture)', () => {
    const twice = structuredClone(defaults) as any;
    twice.users.other = twice.users.verified;
    expect(() => fixtureSubstitution(twice, twice)).toThrow('appears twice');
  });
});

describe('adding a scenario', () => {
  test('one named example pair in the spec adds a transaction to the run', async () => {
    const extended = structuredClone(spec) as any;
    const request = structuredClone(extended.components.examples.FiatAmountToMexicoRequest);
    delete request.value.premiumSpread;
    request.summary = 'Explicit fiat amount, inline CLABE, no premium spread';
    const response = structuredClone(extended.components.examples.FiatAmountToMexicoResponse);
    Object.assign(response.value.data, { premiumSpread: 0, exchangeRate: 17, cryptoAmount: 88.235294 });
    extended.components.examples.FiatAmountWithoutSpreadRequest = request;
    extended.components.examples.FiatAmountWithoutSpreadResponse = response;
    extended.paths['/api/partner/v2/off-ramp'].post.requestBody.content['application/json'].examples.FiatAmountWithoutSpread = { $ref: '#/components/examples/FiatAmountWithoutSpreadRequest' };
    extended.components.responses.OffRampCreated.content['application/json'].examples.FiatAmountWithoutSpread = { $ref: '#/components/examples/FiatAmountWithoutSpreadResponse' };
    const specPath = join(work, 'extended-openapi.json');
    writeFileSync(specPath, JSON.stringify(extended));

    const reference = await startReferenceServer();
    try {
      const run = await runContractSuite({ server: reference.url, specPath, reportPath: join(work, 'extended.xml') });
      expect(run.results).toHaveLength(scenarios.length + 1);
      expect(run.results.find((r) => r.scenario.name === 'FiatAmountWithoutSpread')?.verdict).toBe('pass');
      expect(run.passed).toBe(true);
    } finally {
      await reference.close();
    }
  });
});
