// The derived families against the reference implementation: all pass; each kind of fault a
// derived scenario exists for is caught (a fault-injecting proxy breaks one answer); the fault
// pairs follow the spec's order of checks; families a run cannot make are reported with a reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckId } from '../../packages/tools/src/contract/checks/check-ids.ts';
import { formatDeviation } from '../../packages/tools/src/contract/checks/deviation.ts';
import { derivedFamilies } from '../../packages/tools/src/contract/derived/derived-scenarios.ts';
import { spoilKey } from '../../packages/tools/src/contract/derived/request-form-family.ts';
import { defaultFixturesPath, fixtureAt, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { formatScenarioLines } from '../../packages/tools/src/contract/report.ts';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import type { Scenario } from '../../packages/tools/src/contract/scenarios.ts';
import { type ReferenceServer, startReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';
import { derivedNames, derivedSuite } from '../support/derived.ts';
import { spec } from '../support/spec.ts';
import { type Answer, type FaultInjectingProxy, startFaultInjectingProxy } from './support/fault-injecting-proxy.ts';
import { offRampPath } from '@off-ramp/client';

const fixtures = loadFixtures(defaultFixturesPath);
const work = mkdtempSync(join(tmpdir(), 'off-ramp-derived-'));
let reference: ReferenceServer;
let proxy: FaultInjectingProxy;

/** The key header a derived scenario sends, as the gate sends it. */
function keyOf(scenario: Scenario): string | undefined {
  if (scenario.apiKeyFixture === null) return undefined;
  const key = String(fixtureAt(fixtures, scenario.apiKeyFixture));
  return scenario.apiKeyVariant ? spoilKey[scenario.apiKeyVariant](key) : key;
}

/** Names a request by the first derived scenario that sends it (method and path, or body and key). */
function derivedScenarioOf(body: string, headers: Record<string, string | undefined>, method?: string, url?: string): string | undefined {
  if (method !== undefined && method !== 'POST') return derivedSuite.scenarios.find((s) => s.method === method && (s.path ?? offRampPath) === url)?.name;
  // The hooks send a body as JSON.stringify writes it, or a raw body as it is.
  const sameBody = (s: Scenario) => body === (s.rawBody ?? JSON.stringify(s.requestBody));
  return derivedSuite.scenarios.find((s) => sameBody(s) && headers['partner-api-key'] === keyOf(s))?.name;
}

beforeAll(async () => {
  reference = await startReferenceServer();
  proxy = await startFaultInjectingProxy(reference.url, derivedScenarioOf);
});
afterAll(async () => {
  await proxy?.close();
  await reference?.close();
  rmSync(work, { recursive: true, force: true });
});

const errorAnswer = (status: number, error: object): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ success: false, error }),
});

interface DerivedFault {
  kind: string;
  scenario: string;
  /** The scenarios the run needs (the fault's, and for a relation, the others it is compared with). */
  run: string[];
  caughtBy: CheckId;
  /** The other scenarios whose answers `apply` reads. */
  reads?: string[];
  apply(answer: Answer, earlier: ReadonlyMap<string, Answer>): Answer;
}

const faults: DerivedFault[] = [
  {
    kind: 'a limit checked with > instead of >= (the minimum itself refused)',
    scenario: 'boundary.fiat-min-at',
    run: ['boundary.fiat-min-at'],
    caughtBy: 'status',
    apply: () =>
      errorAnswer(400, {
        code: 'INVALID_FIAT_AMOUNT_ERROR',
        message: 'Fiat amount is outside of the allowed range for OFF_RAMP. Should be between 10 and 100000',
      }),
  },
  {
    kind: "a limit's message naming other limits",
    scenario: 'boundary.token-max-outside',
    run: ['boundary.token-max-outside'],
    caughtBy: 'catalog-message',
    apply: (answer) => ({ ...answer, body: answer.body.replace('Should be between 5 and 50000', 'Should be between 1 and 50000') }),
  },
  {
    kind: 'a premiumSpread echoed but not applied to the rate',
    scenario: 'relation.CryptoInline.spread-high',
    run: ['relation.CryptoInline.spread-0', 'relation.CryptoInline.spread-high'],
    caughtBy: 'relation',
    reads: ['relation.CryptoInline.spread-0'],
    apply: (answer, earlier) => {
      const without = JSON.parse(earlier.get('relation.CryptoInline.spread-0')!.body).data;
      const body = JSON.parse(answer.body);
      Object.assign(body.data, { exchangeRate: without.exchangeRate, fiatAmount: without.fiatAmount });
      return { ...answer, body: JSON.stringify(body) };
    },
  },
  {
    kind: 'the later of two faulty steps answering (shape before user)',
    scenario: 'pair.user+shape',
    run: ['pair.user+shape'],
    caughtBy: 'status',
    apply: () =>
      errorAnswer(400, { code: 'INVALID_USER_INPUT_ERROR', message: 'Invalid User Input', details: [{ path: '/premiumSpread', message: 'must be number' }] }),
  },
  {
    kind: 'an empty key taken for a malformed one',
    scenario: 'key.empty',
    run: ['key.empty'],
    caughtBy: 'catalog-code',
    apply: () => errorAnswer(401, { code: 'INVALID_API_KEY', message: 'Invalid API Key format' }),
  },
  {
    kind: 'another method answered 405 without Allow',
    scenario: 'method.DELETE',
    run: ['method.DELETE'],
    caughtBy: 'unsupported-method',
    apply: () => ({ status: 405, headers: {}, body: '' }),
  },
  {
    kind: 'another method answered with a body',
    scenario: 'method.GET',
    run: ['method.GET'],
    caughtBy: 'unsupported-method',
    apply: (answer) => ({ ...answer, headers: { ...answer.headers, 'content-type': 'text/html' }, body: '<h1>Method Not Allowed</h1>' }),
  },
  {
    kind: 'a bank check whose detail names another check',
    scenario: 'bank.iban-check-digits',
    run: ['bank.iban-check-digits'],
    caughtBy: 'catalog-details',
    apply: (answer) => ({ ...answer, body: answer.body.replace('wrong mod-97 check digits', 'wrong length for DE (22 characters)') }),
  },
  {
    kind: 'a repeated member reported at the wrong object',
    scenario: 'form.repeated-nested-member',
    run: ['form.repeated-nested-member'],
    caughtBy: 'catalog-details',
    apply: (answer) => ({ ...answer, body: answer.body.replace('"path":"/userBankInformation"', '"path":""') }),
  },
  {
    kind: 'another path answered 200',
    scenario: 'path.below',
    run: ['path.below'],
    caughtBy: 'status',
    apply: () => ({ status: 200, headers: {}, body: '' }),
  },
  {
    kind: 'a first-time CLABE taken as verified',
    scenario: 'penny.first-time',
    run: ['penny.first-time'],
    caughtBy: 'penny-test',
    apply: (answer) => ({ ...answer, body: answer.body.replace('"isVerified":false', '"isVerified":true') }),
  },
  {
    kind: 'a detail for a fault the request does not have',
    scenario: 'shape.unknown-member',
    run: ['shape.unknown-member'],
    caughtBy: 'catalog-details',
    apply: (answer) => {
      const body = JSON.parse(answer.body);
      body.error.details.push({ path: '/userId', message: 'must be a UUID' });
      return { ...answer, body: JSON.stringify(body) };
    },
  },
  {
    kind: 'more details than the spec allows',
    scenario: 'shape.many-faults',
    run: ['shape.many-faults'],
    caughtBy: 'response-schema',
    apply: (answer) => {
      const body = JSON.parse(answer.body);
      body.error.details = [...Array(60).keys()].map((i) => ({ path: `/extra${i}`, message: 'is not allowed' }));
      return { ...answer, body: JSON.stringify(body) };
    },
  },
  {
    kind: "another user's quote accepted",
    scenario: 'QuoteSaved.QuoteOfOtherUser',
    run: ['QuoteSaved.QuoteOfOtherUser'],
    caughtBy: 'status',
    apply: () => ({ status: 201, headers: { 'content-type': 'application/json' }, body: '{"success":true}' }),
  },
];

describe('the derived scenarios against the reference implementation', () => {
  // Through the fault-injecting proxy with no fault set: the faults below go through it too, so this
  // also shows that it passes every derived request (raw bytes, other methods and paths) unchanged.
  test('every derived family passes; only the fault pairs no request can hold are skipped, each with its reason', async () => {
    proxy.setFault(undefined);
    const run = await runContractSuite({ server: proxy.url, only: derivedNames, reportPath: join(work, 'derived.xml') });
    expect(run.results.filter((r) => r.verdict !== 'pass').map((r) => r.scenario.name)).toEqual([]);
    expect(new Set(run.results.map((r) => r.scenario.family))).toEqual(new Set(derivedFamilies));
    expect(run.skippedDerivations.map((s) => s.name)).toEqual(['transport+body', 'userId+user', 'quote+currency']);
    expect(run.results.some((r) => r.checked.includes('relation'))).toBe(true);
    const lines = formatScenarioLines(run);
    for (const family of derivedFamilies) expect(lines).toMatch(new RegExp(`^derived ${family}: (\\d+) of \\1 passed$`, 'm'));
    expect(lines).toMatch(/^skipped fault-pair case userId\+user: both faults are in userId$/m);
  });

  test.each(faults.map((fault) => [fault.kind, fault] as const))('%s is caught', async (_, fault) => {
    proxy.setFault({ kind: fault.kind, scenario: fault.scenario, caughtBy: fault.caughtBy, reads: fault.reads ?? [], apply: fault.apply });
    const run = await runContractSuite({ server: proxy.url, only: fault.run, reportPath: join(work, `${fault.scenario}.xml`) });
    expect(proxy.injected).toEqual([fault.scenario]);
    proxy.setFault(undefined);
    expect(run.results.filter((r) => r.verdict === 'fail').map((r) => r.scenario.name)).toEqual([fault.scenario]);
    const failed = run.results.find((r) => r.scenario.name === fault.scenario)!;
    expect(
      failed.deviations.some((d) => d.check === fault.caughtBy),
      failed.deviations.map(formatDeviation).join('\n'),
    ).toBe(true);
  });

  test("the fault pairs follow the spec's order: with two steps swapped there, the reference implementation fails them", async () => {
    const swapped = structuredClone(spec) as typeof spec;
    const steps = Object.values(swapped.paths)[0]!.post['x-order-of-checks'] as { step: string }[];
    const [user, shape] = [steps.findIndex((s) => s.step === 'user'), steps.findIndex((s) => s.step === 'shape')];
    [steps[user], steps[shape]] = [steps[shape]!, steps[user]!];
    const specPath = join(work, 'swapped-openapi.json');
    writeFileSync(specPath, JSON.stringify(swapped));
    const run = await runContractSuite({ server: reference.url, specPath, only: ['pair.shape+user'], reportPath: join(work, 'swapped.xml') });
    const result = run.results.find((r) => r.scenario.name === 'pair.shape+user')!;
    expect(result.scenario.catalogRow?.name).toBe('InvalidUserInput');
    expect(result.verdict).toBe('fail');
    expect(result.deviations).toContainEqual({ check: 'status', expected: '400', actual: '403' });
  });

  test('a fixtures file without a partner agreement: the boundary family is skipped, with the reason', async () => {
    const { partnerAgreement: _agreement, ...withoutAgreement } = fixtures as Record<string, unknown>;
    const path = join(work, 'without-agreement.json');
    writeFileSync(path, JSON.stringify(withoutAgreement));
    const run = await runContractSuite({ server: reference.url, fixturesPath: path, only: ['QuoteInline'], reportPath: join(work, 'no-agreement.xml') });
    expect(run.passed).toBe(true);
    expect(run.skippedDerivations).toContainEqual({
      family: 'boundary',
      name: 'boundary',
      reason: 'the fixtures state no partnerAgreement (limits and exchange rates)',
    });
    expect(formatScenarioLines(run)).toContain('skipped family boundary: the fixtures state no partnerAgreement (limits and exchange rates)');
  });

  test('the mock target makes no derived scenario, and says so for each family', async () => {
    await expect(
      runContractSuite({ server: 'http://127.0.0.1:9', target: 'prism-mock', only: ['QuoteInline'], reportPath: join(work, 'mock.xml') }),
    ).rejects.toThrow('No scenario named QuoteInline');
  });
});
