// Scenarios come from the Arazzo workflows and the spec's response examples of the same name;
// fixtures are swapped by value; each scenario becomes one small description for Dredd. Adding a
// scenario is one workflow and one response example.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { errorCatalogFromSpec } from '../../packages/tools/src/spec/error-catalog.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { defaultFixturesPath, fixtureAt, fixtureSubstitution, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { dreddDescriptionFor } from '../../packages/tools/src/contract/scenario-descriptions.ts';
import { stringify } from 'yaml';
import { contractScenarios, loadArazzo } from '../../packages/tools/src/contract/scenarios.ts';
import { startReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';
import { shortRequestTimeoutMs } from '../support/reference-http.ts';

const spec = loadBundledSpec();
const scenarios = contractScenarios(spec);
const defaults = loadFixtures(defaultFixturesPath);
const work = mkdtempSync(join(tmpdir(), 'off-ramp-scenarios-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scenarios from the Arazzo workflows', () => {
  test('one workflow per response example of the spec, in the same names', () => {
    const responseNames = Object.values<{ $ref: string }>(spec.paths['/api/partner/v2/off-ramp']!.post.responses).flatMap((ref) =>
      Object.keys(spec.components.responses[ref.$ref.split('/').pop()!].content['application/json'].examples),
    );
    expect(scenarios.map((s) => s.name).sort()).toEqual(responseNames.sort());
  });

  test('no two scenarios send the same request (body bytes, key, headers, stall)', () => {
    const requests = scenarios.map((s) =>
      JSON.stringify([
        s.requestText ?? JSON.stringify(s.requestBody),
        s.apiKeyFixture === null ? null : fixtureAt(defaults, s.apiKeyFixture),
        s.requestHeaders,
        s.stallAfterBytes ?? null,
      ]),
    );
    expect(new Set(requests).size).toBe(scenarios.length);
  });

  test("each workflow's success criteria check the status, and for an error the catalog row's code and message", () => {
    for (const workflow of loadArazzo().workflows) {
      const scenario = scenarios.find((s) => s.name === workflow.workflowId)!;
      const criteria = (workflow.steps as any)[0].successCriteria as { condition: string; context?: string; type?: string }[];
      expect(criteria[0]).toEqual({ condition: `$statusCode == ${scenario.status}` });
      const row = scenario.catalogRow;
      if (!row) continue;
      expect(criteria).toContainEqual({ condition: `$response.body#/error/code == '${row.code}'` });
      expect(criteria).toContainEqual(
        row.messagePattern
          ? { context: '$response.body#/error/message', condition: row.messagePattern, type: 'regex' }
          : { condition: `$response.body#/error/message == '${row.message}'` },
      );
    }
  });

  test('loadArazzo hands each caller a copy of its own, and reads a changed file anew', () => {
    const first = loadArazzo();
    const count = first.workflows.length;
    first.workflows.pop();
    expect(loadArazzo().workflows).toHaveLength(count);
    const path = join(work, 'one-workflow.arazzo.yaml');
    writeFileSync(path, stringify({ ...first, workflows: first.workflows.slice(0, 1) }));
    expect(loadArazzo(path).workflows).toHaveLength(1);
    writeFileSync(path, stringify({ ...first, workflows: first.workflows.slice(0, 2) }));
    expect(loadArazzo(path).workflows).toHaveLength(2);
  });

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
  test('one workflow and its response example add a transaction to the run', async () => {
    const extended = structuredClone(spec) as any;
    const response = structuredClone(extended.components.examples.FiatAmountToMexicoResponse);
    Object.assign(response.value.data, { premiumSpread: 0, exchangeRate: 17, cryptoAmount: 88.235294 });
    extended.components.examples.FiatAmountWithoutSpreadResponse = response;
    extended.components.responses.OffRampCreated.content['application/json'].examples.FiatAmountWithoutSpread = {
      $ref: '#/components/examples/FiatAmountWithoutSpreadResponse',
    };
    const specPath = join(work, 'extended-openapi.json');
    writeFileSync(specPath, JSON.stringify(extended));
    const arazzo = loadArazzo() as any;
    const workflow = structuredClone(arazzo.workflows.find((w: any) => w.workflowId === 'FiatAmountToMexico'));
    workflow.workflowId = 'FiatAmountWithoutSpread';
    delete workflow.steps[0].requestBody.payload.premiumSpread;
    arazzo.workflows.push(workflow);
    const arazzoPath = join(work, 'extended.arazzo.yaml');
    writeFileSync(arazzoPath, stringify(arazzo));

    const reference = await startReferenceServer({ requestTimeoutMs: shortRequestTimeoutMs });
    try {
      const run = await runContractSuite({ server: reference.url, specPath, arazzoPath, derived: false, reportPath: join(work, 'extended.xml') });
      expect(run.results).toHaveLength(scenarios.length + 1);
      expect(run.results.find((r) => r.scenario.name === 'FiatAmountWithoutSpread')?.verdict).toBe('pass');
      expect(run.passed).toBe(true);
    } finally {
      await reference.close();
    }
  });
});
