// npm run mutation:survivors [-- <report.json>]: the score of the last mutation run and every mutant
// that survived or had no coverage (`file:line:col mutator original → replacement`), on stdout and
// in reports/mutation/survivors.md. `npm run mutation` runs it after Stryker.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { projectRoot } from '../lib/generated-dir.ts';
import { formatCounts, formatScore, formatUndetectedLine, summarizeReport, survivorsMarkdown, type MutationReport } from './mutation-report.ts';

const reportPath = resolve(process.argv[2] ?? resolve(projectRoot, 'reports', 'mutation', 'mutation.json'));
const survivorsPath = resolve(dirname(reportPath), 'survivors.md');
if (!existsSync(reportPath)) {
  console.error(`mutation: no report at ${reportPath}: run npm run mutation first`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as MutationReport;
const summary = summarizeReport(report);
const label = relative(projectRoot, reportPath);

console.log(`\nmutation: score ${formatScore(summary.score)}; ${formatCounts(summary)}`);
console.log(`mutation: ${summary.undetected.length} survived or had no coverage:`);
for (const mutant of summary.undetected) console.log(formatUndetectedLine(mutant));
mkdirSync(dirname(survivorsPath), { recursive: true });
writeFileSync(survivorsPath, survivorsMarkdown(summary, report, label));
console.log(`mutation: list written to ${relative(projectRoot, survivorsPath)}`);
