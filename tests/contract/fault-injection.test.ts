// Proof that the contract suite can fail: a fault-injecting proxy in front of the reference
// implementation breaks one scenario's answer in one way at a time, and the suite must fail that
// scenario (and only that one), through the check that guards against the fault, and name it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type CheckId, checkIds } from '../../packages/tools/src/contract/checks/check-ids.ts';
import { formatDeviation } from '../../packages/tools/src/contract/checks/deviation.ts';
import { formatScenarioLines } from '../../packages/tools/src/contract/report.ts';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { contractScenarios } from '../../packages/tools/src/contract/scenarios.ts';
import { answerFaults } from './support/answer-faults.ts';
import { useReferenceBehindFaultProxy } from './support/reference-behind-fault-proxy.ts';

const servers = useReferenceBehindFaultProxy();
const reports = mkdtempSync(join(tmpdir(), 'off-ramp-contract-faults-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

// The stalled-request scenario waits for the server's 10 s timeout; it runs in the fault-free run.
// The answer faults concern the other scenarios, so those runs leave it out.
const quick = contractScenarios(loadBundledSpec())
  .filter((s) => s.stallAfterBytes === undefined)
  .map((s) => s.name);
const runThroughProxy = (name: string, only?: string[]) =>
  runContractSuite({ server: servers.faults.url, reportPath: join(reports, `${name}.xml`), ...(only ? { only } : {}) });

test('every check that judges an answer is shown failing on a fault of its own', () => {
  // transport and no-redirect: tests/contract/hostile-servers.test.ts; property: tests/fuzz/run-fuzz.test.ts;
  // relation, unsupported-method and penny-test (they judge derived scenarios): tests/contract/derived-scenarios.test.ts.
  const elsewhere: CheckId[] = ['transport', 'no-redirect', 'property', 'relation', 'unsupported-method', 'penny-test'];
  const caught = new Set(answerFaults.map((fault) => fault.caughtBy));
  expect(checkIds.filter((id) => !caught.has(id) && !elsewhere.includes(id))).toEqual([]);
});

describe('the contract suite against a fault-injecting proxy in front of the reference implementation', () => {
  test('without a fault, every scenario passes through the proxy', async () => {
    servers.faults.setFault(undefined);
    const run = await runThroughProxy('no-fault');
    expect(run.results.filter((r) => r.verdict !== 'pass').map((r) => r.scenario.name)).toEqual([]);
    expect(run.passed).toBe(true);
  });

  test.each(answerFaults.map((fault) => [`${fault.kind} (${fault.scenario})`, fault] as const))('%s is caught', async (_, fault) => {
    servers.faults.setFault(fault);
    const run = await runThroughProxy(fault.scenario, quick);
    expect(servers.faults.injected).toEqual([fault.scenario]);
    expect(run.passed).toBe(false);
    expect(run.results.filter((r) => r.verdict === 'fail').map((r) => r.scenario.name)).toEqual([fault.scenario]);
    const failed = run.results.find((r) => r.scenario.name === fault.scenario)!;
    const caught = failed.deviations.filter((d) => d.check === fault.caughtBy && (fault.subject === undefined || d.subject?.startsWith(fault.subject)));
    expect(caught.length, failed.deviations.map(formatDeviation).join('\n')).toBeGreaterThan(0);
    expect(formatScenarioLines(run)).toMatch(new RegExp(`^FAIL +${fault.scenario} `, 'm'));
  });
});
