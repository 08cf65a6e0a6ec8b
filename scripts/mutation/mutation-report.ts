// Reads Stryker's JSON report (the mutation-testing-report-schema format): the counts by status,
// the score, and every mutant the contract suite did not detect, as one line each.

export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Timeout' | 'Ignored' | 'Pending';

interface Position {
  line: number;
  column: number;
}

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: MutantStatus;
  /** For an ignored mutant, the reason of its `// Stryker disable` comment. */
  statusReason?: string;
  location: { start: Position; end: Position };
}

export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
  config?: { mutate?: string[] };
}

export interface UndetectedMutant {
  file: string;
  line: number;
  column: number;
  mutator: string;
  status: 'Survived' | 'NoCoverage';
  original: string;
  replacement: string;
}

export interface MutationSummary {
  total: number;
  counts: Record<MutantStatus, number>;
  /** Detected (killed or timed out) among the valid mutants, in percent; null when none is valid. */
  score: number | null;
  undetected: UndetectedMutant[];
  /** Ignored mutants (marked in the source as not observable through the contract), by file and reason. */
  ignored: { file: string; reason: string; count: number }[];
}

const statuses: MutantStatus[] = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored', 'Pending'];
const maxTextLength = 100;
// Characters kept before the first difference when a long text is cut.
const contextLength = 30;

/** The mutated source text (lines and columns 1-based, the end exclusive), on one line. */
export function originalText(source: string, { start, end }: ReportMutant['location']): string {
  const lines = source.split('\n').slice(start.line - 1, end.line);
  if (lines.length === 0) return '';
  // The end first: on a one-line mutant, cutting the start first would shift the end column.
  lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, end.column - 1);
  lines[0] = lines[0]!.slice(start.column - 1);
  return oneLine(lines.join('\n'));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The original and the replacement cut to a readable length: when either is long, both start a
 * little before their first difference, so that a change deep in a long condition stays visible.
 */
export function mutationTexts(original: string, replacement: string): [string, string] {
  if (original.length <= maxTextLength && replacement.length <= maxTextLength) return [original, replacement];
  let same = 0;
  while (same < original.length && same < replacement.length && original[same] === replacement[same]) same += 1;
  const start = Math.max(0, same - contextLength);
  const cut = (text: string) => {
    const shown = start > 0 ? `…${text.slice(start)}` : text;
    return shown.length > maxTextLength ? `${shown.slice(0, maxTextLength - 1)}…` : shown;
  };
  return [cut(original), cut(replacement)];
}

export function summarizeReport(report: MutationReport): MutationSummary {
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<MutantStatus, number>;
  const undetected: UndetectedMutant[] = [];
  const ignored = new Map<string, { file: string; reason: string; count: number }>();
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      counts[mutant.status] += 1;
      if (mutant.status === 'Ignored') {
        const reason = (mutant.statusReason ?? 'no reason given').replace(/^Ignored because of excluded mutation "\w+"$/, 'excluded mutator');
        const key = `${file}\0${reason}`;
        const entry = ignored.get(key) ?? ignored.set(key, { file, reason, count: 0 }).get(key)!;
        entry.count += 1;
      }
      if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
      const [original, replacement] = mutationTexts(originalText(source, mutant.location), oneLine(mutant.replacement ?? ''));
      undetected.push({
        file,
        line: mutant.location.start.line,
        column: mutant.location.start.column,
        mutator: mutant.mutatorName,
        status: mutant.status,
        original,
        replacement,
      });
    }
  }
  undetected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return {
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    counts,
    score: valid === 0 ? null : (detected / valid) * 100,
    undetected,
    ignored: [...ignored.values()].sort((a, b) => a.file.localeCompare(b.file) || a.reason.localeCompare(b.reason)),
  };
}

export const formatScore = (score: number | null) => (score === null ? 'n/a' : `${score.toFixed(2)} %`);

export function formatCounts(summary: MutationSummary): string {
  const c = summary.counts;
  return `${summary.total} mutants: ${c.Killed} killed, ${c.Timeout} timeout, ${c.Survived} survived, ${c.NoCoverage} no coverage, ${c.CompileError + c.RuntimeError} errors, ${c.Ignored} ignored`;
}

/** `file:line:col Mutator original → replacement` (NoCoverage marked as such). */
export function formatUndetectedLine(m: UndetectedMutant): string {
  return `${m.file}:${m.line}:${m.column} ${m.mutator}${m.status === 'NoCoverage' ? ' (no coverage)' : ''} ${m.original} → ${m.replacement}`;
}

/** A Markdown code span that holds any text, backticks included. */
export function codeSpan(text: string): string {
  if (text === '') return '(empty)';
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return longestRun > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

export function survivorsMarkdown(summary: MutationSummary, report: MutationReport, reportLabel: string): string {
  const lines = [
    '# Undetected mutants',
    '',
    `From \`${reportLabel}\`: mutation score ${formatScore(summary.score)}; ${formatCounts(summary)}.`,
    ...(report.config?.mutate ? ['', `Mutated: ${report.config.mutate.map((p) => codeSpan(p)).join(', ')}.`] : []),
    '',
    `${summary.undetected.length} survived or had no coverage, by file (\`line:column\` mutator: original → replacement):`,
  ];
  let file = '';
  for (const m of summary.undetected) {
    if (m.file !== file) {
      file = m.file;
      lines.push('', `## ${file}`, '');
    }
    const status = m.status === 'NoCoverage' ? ' (no coverage)' : '';
    lines.push(`- \`${m.line}:${m.column}\` ${m.mutator}${status}: ${codeSpan(m.original)} → ${codeSpan(m.replacement)}`);
  }
  if (summary.ignored.length > 0) {
    lines.push('', '# Ignored mutants', '', 'Marked in the source (`// Stryker disable ...: reason`) as not observable through the contract, by file:', '');
    for (const entry of summary.ignored) lines.push(`- ${codeSpan(entry.file)}: ${entry.count} × ${entry.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
