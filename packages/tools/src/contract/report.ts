// What a contract run prints: a line per scenario (failures with expected and actual), then a
// coverage table of scenarios by target (the derived ones by family) and the catalog rows covered.
import { printableLine } from '../output/printable-line.ts';
import { formatDeviation } from './checks/deviation.ts';
import type { ContractRunResult, ScenarioResult, Verdict } from './run-contract-suite.ts';
import { derivedFamilies } from './derived/derived-scenarios.ts';

/** Details printed under a FAIL line; the rest are counted (docs/contract-suite.md states the number). */
export const maxDetailLines = 6;
const verdictLabel: Record<Verdict, string> = { pass: 'PASS', fail: 'FAIL', 'not run': 'NOT RUN' };

const expectedAnswer = (r: ScenarioResult) =>
  r.scenario.catalogRow ? `${r.scenario.status} ${r.scenario.catalogRow.code} "${r.scenario.catalogRow.message}"` : `${r.scenario.status} created`;

const isDerived = (r: ScenarioResult) => (derivedFamilies as readonly string[]).includes(r.scenario.family);

function scenarioLine(result: ScenarioResult, width: number): string[] {
  const lines = [`${verdictLabel[result.verdict].padEnd(7)} ${result.scenario.name.padEnd(width)}  ${expectedAnswer(result)}`];
  // A few lines of detail at most, each on one line: a server's answer cannot flood the output.
  const details = [...result.deviations.map(formatDeviation), ...(result.message ? [result.message] : [])];
  for (const detail of details.slice(0, maxDetailLines)) lines.push(`          - ${printableLine(detail)}`);
  if (details.length > maxDetailLines) lines.push(`          - and ${details.length - maxDetailLines} more (see the JUnit report)`);
  return lines;
}

/** The derived scenarios' results by family, in the order of derivedFamilies. */
function derivedByFamily(run: ContractRunResult): [string, ScenarioResult[]][] {
  return derivedFamilies
    .map((family) => [family, run.results.filter((r) => r.scenario.family === family)] as [string, ScenarioResult[]])
    .filter(([, results]) => results.length > 0);
}

/**
 * A line per named scenario; of the derived ones only those that did not pass, then a line per
 * derived family, and each family or case the run left out with its reason.
 */
export function formatScenarioLines(run: ContractRunResult): string {
  const width = Math.max(...run.results.map((r) => r.scenario.name.length));
  const derived = run.results.filter(isDerived);
  const lines = [
    `contract: ${run.results.length} scenarios against ${run.server} (target ${run.target}): ${run.results.length - derived.length} named, ${derived.length} derived`,
  ];
  for (const result of run.results) if (!isDerived(result) || result.verdict !== 'pass') lines.push(...scenarioLine(result, width));
  for (const [family, results] of derivedByFamily(run)) lines.push(`derived ${family}: ${count(results, 'pass')} of ${results.length} passed`);
  for (const skip of run.skippedDerivations)
    lines.push(skip.name === skip.family ? `skipped family ${skip.family}: ${skip.reason}` : `skipped ${skip.family} case ${skip.name}: ${skip.reason}`);
  return lines.join('\n');
}

const count = (results: readonly ScenarioResult[], verdict: Verdict) => results.filter((r) => r.verdict === verdict).length;

/**
 * One column per run (target); rows are the named scenarios of the first run, in spec order, then
 * one row per derived family (its passed/run count, `-` where a run made none of it).
 */
export function formatCoverageTable(runs: { label: string; run: ContractRunResult }[]): string {
  const first = runs[0];
  if (!first) return '';
  const nameWidth = Math.max(
    'Scenario'.length,
    ...first.run.results.filter((r) => !isDerived(r)).map((r) => r.scenario.name.length),
    ...derivedFamilies.map((family) => `derived: ${family}`.length),
    'Catalog rows covered'.length,
  );
  const columnWidth = Math.max(9, ...runs.map((r) => r.label.length));
  const row = (name: string, status: string, cells: string[]) =>
    `${name.padEnd(nameWidth)}  ${status.padEnd(6)}  ${cells.map((c) => c.padEnd(columnWidth)).join('  ')}`.trimEnd();
  const lines = [
    row(
      'Scenario',
      'Status',
      runs.map((r) => r.label),
    ),
    '-'.repeat(nameWidth + 8 + runs.length * (columnWidth + 2)),
  ];
  for (const result of first.run.results.filter((r) => !isDerived(r))) {
    const cells = runs.map(({ run }) => {
      const same = run.results.find((r) => r.scenario.name === result.scenario.name);
      return same ? verdictLabel[same.verdict] : '-';
    });
    lines.push(row(result.scenario.name, String(result.scenario.status), cells));
  }
  for (const family of derivedFamilies) {
    const cells = runs.map(({ run }) => {
      const results = run.results.filter((r) => r.scenario.family === family);
      return results.length === 0 ? '-' : `${count(results, 'pass')}/${results.length}`;
    });
    if (cells.some((cell) => cell !== '-')) lines.push(row(`derived: ${family}`, '', cells));
  }
  lines.push('-'.repeat(nameWidth + 8 + runs.length * (columnWidth + 2)));
  lines.push(
    row(
      'Scenarios passed',
      '',
      runs.map(({ run }) => `${count(run.results, 'pass')}/${run.results.length}`),
    ),
  );
  lines.push(
    row(
      'Scenarios failed',
      '',
      runs.map(({ run }) => String(count(run.results, 'fail'))),
    ),
  );
  lines.push(
    row(
      'Catalog rows covered',
      '',
      runs.map(({ run }) => `${run.catalogRowsCovered}/${run.catalogRows}`),
    ),
  );
  return lines.join('\n');
}
