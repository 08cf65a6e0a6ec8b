// What a contract run prints: a line per scenario (failures with expected and actual), then a
// coverage table of scenarios by target and the catalog rows covered.
import { printableLine } from '../output/printable-line.ts';
import { formatDeviation } from './checks/deviation.ts';
import type { ContractRunResult, ScenarioResult, Verdict } from './run-contract-suite.ts';

/** Details printed under a FAIL line; the rest are counted (docs/contract-suite.md states the number). */
export const maxDetailLines = 6;
const verdictLabel: Record<Verdict, string> = { pass: 'PASS', fail: 'FAIL', 'not run': 'NOT RUN' };

const expectedAnswer = (r: ScenarioResult) =>
  r.scenario.catalogRow ? `${r.scenario.status} ${r.scenario.catalogRow.code} "${r.scenario.catalogRow.message}"` : `${r.scenario.status} created`;

export function formatScenarioLines(run: ContractRunResult): string {
  const width = Math.max(...run.results.map((r) => r.scenario.name.length));
  const lines = [`contract: ${run.results.length} scenarios against ${run.server} (target ${run.target})`];
  for (const result of run.results) {
    lines.push(`${verdictLabel[result.verdict].padEnd(7)} ${result.scenario.name.padEnd(width)}  ${expectedAnswer(result)}`);
    // A few lines of detail at most, each on one line: a server's answer cannot flood the output.
    const details = [...result.deviations.map(formatDeviation), ...(result.message ? [result.message] : [])];
    for (const detail of details.slice(0, maxDetailLines)) lines.push(`          - ${printableLine(detail)}`);
    if (details.length > maxDetailLines) lines.push(`          - and ${details.length - maxDetailLines} more (see the JUnit report)`);
  }
  return lines.join('\n');
}

const count = (run: ContractRunResult, verdict: Verdict) => run.results.filter((r) => r.verdict === verdict).length;

/** One column per run (target); rows are the scenarios of the first run, in spec order. */
export function formatCoverageTable(runs: { label: string; run: ContractRunResult }[]): string {
  const first = runs[0];
  if (!first) return '';
  const nameWidth = Math.max('Scenario'.length, ...first.run.results.map((r) => r.scenario.name.length), 'Catalog rows covered'.length);
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
  for (const result of first.run.results) {
    const cells = runs.map(({ run }) => {
      const same = run.results.find((r) => r.scenario.name === result.scenario.name);
      return same ? verdictLabel[same.verdict] : '-';
    });
    lines.push(row(result.scenario.name, String(result.scenario.status), cells));
  }
  lines.push('-'.repeat(nameWidth + 8 + runs.length * (columnWidth + 2)));
  lines.push(
    row(
      'Scenarios passed',
      '',
      runs.map(({ run }) => `${count(run, 'pass')}/${run.results.length}`),
    ),
  );
  lines.push(
    row(
      'Scenarios failed',
      '',
      runs.map(({ run }) => String(count(run, 'fail'))),
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
