// Proof that the contract suite can fail: a fault-injecting proxy in front of the reference
// implementation breaks one scenario's answer in one way (a few scenarios per run, each with a
// fault of its own), and the suite must fail those scenarios (and only those), each through the
// check that guards against its fault, and name it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type CheckId, checkIds } from '../../packages/tools/src/contract/checks/check-ids.ts';
import { formatDeviation } from '../../packages/tools/src/contract/checks/deviation.ts';
import { formatScenarioLines } from '../../packages/tools/src/contract/report.ts';
import { type ContractRunResult, runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { contractScenarios } from '../../packages/tools/src/contract/scenarios.ts';
import { answerFaults } from './support/answer-faults.ts';
import type { Fault } from './support/fault-injecting-proxy.ts';
import { faultGroups, faultsPerRun } from './support/fault-groups.ts';
import { useReferenceBehindFaultProxy } from './support/reference-behind-fault-proxy.ts';

const servers = useReferenceBehindFaultProxy();
const reports = mkdtempSync(join(tmpdir(), 'off-ramp-contract-faults-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

// The stalled-request scenario waits for the server's request timeout; it runs in the fault-free
// run. The answer faults concern the other scenarios, so those runs leave it out.
const named = contractScenarios(loadBundledSpec());
const quick = named.filter((s) => s.stallAfterBytes === undefined).map((s) => s.name);
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
  // The named scenarios; tests/contract/derived-scenarios.test.ts runs the derived ones through a proxy like this one.
  test('without a fault, every named scenario passes through the proxy', async () => {
    servers.faults.setFault(undefined);
    const run = await runThroughProxy(
      'no-fault',
      named.map((s) => s.name),
    );
    expect(run.results.filter((r) => r.verdict !== 'pass').map((r) => r.scenario.name)).toEqual([]);
    expect(run.passed).toBe(true);
  });

  // A few faults share each run (support/fault-groups.ts); each is still its own test.
  const groups = faultGroups(answerFaults);
  const runs = new Map<Fault[], Promise<ContractRunResult>>();
  const runOf = (group: Fault[]) => {
    if (!runs.has(group)) {
      servers.faults.setFaults(group);
      runs.set(
        group,
        runThroughProxy(`faults-${groups.indexOf(group)}`, quick).then((run) => {
          expect([...servers.faults.injected].sort()).toEqual(group.map((f) => f.scenario).sort());
          servers.faults.setFault(undefined);
          return run;
        }),
      );
    }
    return runs.get(group)!;
  };

  test('the runs keep faults apart: at most a few each, one per scenario, none on a scenario another one reads', () => {
    expect(groups.flat().sort((a, b) => answerFaults.indexOf(a) - answerFaults.indexOf(b))).toEqual(answerFaults);
    for (const group of groups) {
      expect(group.length).toBeLessThanOrEqual(faultsPerRun);
      const scenarios = group.map((f) => f.scenario);
      expect(new Set(scenarios).size).toBe(group.length);
      for (const fault of group) expect((fault.reads ?? []).filter((read) => scenarios.includes(read))).toEqual([]);
    }
  });

  test('a fault that reads an answer it does not declare is refused (the proxy answers 502), so the grouping cannot miss it', async () => {
    servers.faults.setFaults([
      { kind: 'undeclared read', scenario: 'ApiKeyMissing', caughtBy: 'status', apply: (a, earlier) => earlier.get('FiatAmountToMexico') ?? a },
    ]);
    const run = await runThroughProxy('undeclared-read', ['ApiKeyMissing']);
    servers.faults.setFault(undefined);
    const [result] = run.results;
    expect(result!.verdict).toBe('fail');
    expect(result!.deviations.map((d) => [d.check, d.actual])).toContainEqual(['status', '502']);
  });

  test.each(groups.flatMap((group) => group.map((fault) => [`${fault.kind} (${fault.scenario})`, group, fault] as const)))(
    '%s is caught',
    async (_, group, fault) => {
      const run = await runOf(group);
      expect(run.passed).toBe(false);
      // The faulted scenarios fail, and every other scenario of the run passes.
      expect(
        run.results
          .filter((r) => r.verdict === 'fail')
          .map((r) => r.scenario.name)
          .sort(),
      ).toEqual(group.map((f) => f.scenario).sort());
      const failed = run.results.find((r) => r.scenario.name === fault.scenario)!;
      const caught = failed.deviations.filter((d) => d.check === fault.caughtBy && (fault.subject === undefined || d.subject?.startsWith(fault.subject)));
      expect(caught.length, failed.deviations.map(formatDeviation).join('\n')).toBeGreaterThan(0);
      expect(formatScenarioLines(run)).toMatch(new RegExp(`^FAIL +${fault.scenario} `, 'm'));
    },
  );
});
