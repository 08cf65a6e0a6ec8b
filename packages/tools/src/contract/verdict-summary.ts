// The verdict file for CI (`off-ramp-contract contract --verdict <file>`): besides the JUnit report,
// a JSON summary that counts the cases each check judged and each scenario family ran, and says
// why a run failed. A run in which no case ran, or a check asked for by name judged no case, fails.
import type { CheckId } from './checks/check-ids.ts';
import type { ContractRunResult } from './run-contract-suite.ts';

export interface Tally {
  cases: number;
  failed: number;
}

export interface VerdictSummary {
  passed: boolean;
  target: string;
  server: string;
  reasons: string[];
  scenarios: { run: number; passed: number; failed: number; notRun: number };
  /** Per check: the cases it judged, and how many of them it failed. */
  checks: Partial<Record<CheckId, Tally>>;
  /** Per family of scenarios (the named ones' `created`, `catalog-error`, `transport-limit`, and each derived family): cases run and failed. */
  families: Record<string, Tally & { notRun: number }>;
  checksOnNoCase: CheckId[];
}

export function verdictSummary(run: ContractRunResult): VerdictSummary {
  const ran = run.results.filter((r) => r.verdict !== 'not run');
  const checks: Partial<Record<CheckId, Tally>> = {};
  for (const id of run.checks) checks[id] = { cases: 0, failed: 0 };
  const families: VerdictSummary['families'] = {};
  for (const result of run.results) {
    const name = result.scenario.family;
    families[name] ??= { cases: 0, failed: 0, notRun: 0 };
    const family = families[name];
    if (result.verdict === 'not run') {
      family.notRun++;
      continue;
    }
    family.cases++;
    if (result.verdict === 'fail') family.failed++;
    for (const id of result.checked) {
      checks[id] ??= { cases: 0, failed: 0 };
      const tally = checks[id];
      tally.cases++;
      if (result.deviations.some((d) => d.check === id)) tally.failed++;
    }
  }
  const failed = ran.filter((r) => r.verdict === 'fail').length;
  const reasons = [
    ...(ran.length === 0 ? ['no case ran'] : []),
    ...(failed > 0 ? [`${failed} scenario(s) failed`] : []),
    ...run.checksOnNoCase.map((id) => `the check ${id} judged no case`),
  ];
  return {
    passed: run.passed,
    target: run.target,
    server: run.server,
    reasons,
    scenarios: { run: ran.length, passed: ran.length - failed, failed, notRun: run.results.length - ran.length },
    checks,
    families,
    checksOnNoCase: run.checksOnNoCase,
  };
}
