// The survivors list of `npm run mutation` (scripts/mutation/mutation-report.ts), read from a small
// report in Stryker's JSON format: counts, score, the mutated text and the Markdown list.
import { describe, expect, test } from 'vitest';
import {
  codeSpan,
  formatUndetectedLine,
  type MutantStatus,
  type MutationReport,
  mutationTexts,
  originalText,
  type ReportMutant,
  summarizeReport,
  survivorsMarkdown,
} from '../../scripts/mutation/mutation-report.ts';

const mutant = (id: string, status: MutantStatus, mutatorName: string, replacement: string, start: [number, number], end: [number, number]): ReportMutant => ({
  id,
  status,
  mutatorName,
  replacement,
  location: { start: { line: start[0], column: start[1] }, end: { line: end[0], column: end[1] } },
});

const report: MutationReport = {
  config: { mutate: ['src/b.ts', 'src/a.ts'] },
  files: {
    'src/b.ts': {
      source: "if (id === '') return fail();\nconst label = `a`;\n",
      mutants: [
        mutant('1', 'Killed', 'ConditionalExpression', 'false', [1, 5], [1, 14]),
        mutant('2', 'Survived', 'StringLiteral', '"Stryker was here!"', [1, 12], [1, 14]),
        mutant('3', 'Timeout', 'BlockStatement', '{}', [1, 1], [1, 30]),
        mutant('4', 'NoCoverage', 'StringLiteral', '``', [2, 15], [2, 18]),
      ],
    },
    'src/a.ts': {
      source: 'function f() {\n  return 1;\n}\n',
      mutants: [mutant('5', 'Survived', 'BlockStatement', '{}', [1, 14], [3, 2]), mutant('6', 'CompileError', 'BooleanLiteral', 'x', [2, 3], [2, 9])],
    },
  },
};

describe('the mutated text', () => {
  test.each([
    ['one line, end column exclusive', "if (id === '') x", [1, 5], [1, 14], "id === ''"],
    ['several lines, on one line', 'function f() {\n  return 1;\n}', [1, 14], [3, 2], '{ return 1; }'],
  ] as const)('%s', (_name, source, start, end, want) => {
    expect(originalText(source, { start: { line: start[0], column: start[1] }, end: { line: end[0], column: end[1] } })).toBe(want);
  });
});

describe('long texts', () => {
  const long = 'a'.repeat(200);
  test.each([
    ['short ones stay whole', 'a && b', '(a && b) || c', ['a && b', '(a && b) || c']],
    ['differing at the start: cut at the end', `${long} && b`, '{}', [`${'a'.repeat(99)}…`, '{}']],
    ['differing deep inside: from a little before the difference', `${long} && b`, `${long} || b`, [`…${'a'.repeat(29)} && b`, `…${'a'.repeat(29)} || b`]],
  ])('%s', (_name, original, replacement, want) => {
    expect(mutationTexts(original, replacement)).toEqual(want);
  });
});

describe('the summary', () => {
  const summary = summarizeReport(report);

  test('counts every status; the score is detected over killed, timeout, survived and no coverage', () => {
    expect(summary.total).toBe(6);
    expect(summary.counts).toMatchObject({ Killed: 1, Timeout: 1, Survived: 2, NoCoverage: 1, CompileError: 1 });
    expect(summary.score).toBeCloseTo(40);
  });

  test('lists survived and no-coverage mutants by file, line and column', () => {
    expect(summary.undetected.map(formatUndetectedLine)).toEqual([
      'src/a.ts:1:14 BlockStatement { return 1; } → {}',
      'src/b.ts:1:12 StringLiteral \'\' → "Stryker was here!"',
      'src/b.ts:2:15 StringLiteral (no coverage) `a` → ``',
    ]);
  });

  test('has no score without a valid mutant', () => {
    expect(summarizeReport({ files: { 'a.ts': { source: 'x', mutants: [mutant('1', 'CompileError', 'M', 'y', [1, 1], [1, 2])] } } }).score).toBeNull();
  });

  test('writes one Markdown section per file, code spans that hold backticks', () => {
    const markdown = survivorsMarkdown(summary, report, 'reports/mutation/mutation.json');
    expect(markdown).toContain('mutation score 40.00 %; 6 mutants: 1 killed, 1 timeout, 2 survived, 1 no coverage, 1 errors, 0 ignored.');
    expect(markdown).toContain('## src/a.ts\n\n- `1:14` BlockStatement: `{ return 1; }` → `{}`\n');
    expect(markdown).toContain(
      '## src/b.ts\n\n- `1:12` StringLiteral: `\'\'` → `"Stryker was here!"`\n- `2:15` StringLiteral (no coverage): `` `a` `` → ``` `` ```\n',
    );
    expect(markdown).not.toContain('# Ignored mutants');
  });

  test('ignored mutants are listed by file with the reason of their disable comment', () => {
    const withIgnored: MutationReport = {
      files: {
        'src/c.ts': {
          source: "log('x');\nlog('y');\n",
          mutants: [
            { ...mutant('7', 'Ignored', 'StringLiteral', '""', [1, 5], [1, 8]), statusReason: 'log lines are not part of the contract' },
            { ...mutant('8', 'Ignored', 'StringLiteral', '""', [2, 5], [2, 8]), statusReason: 'log lines are not part of the contract' },
            mutant('9', 'Killed', 'BlockStatement', '{}', [1, 1], [1, 9]),
          ],
        },
      },
    };
    const summary = summarizeReport(withIgnored);
    expect(summary.score).toBe(100);
    expect(summary.ignored).toEqual([{ file: 'src/c.ts', reason: 'log lines are not part of the contract', count: 2 }]);
    expect(survivorsMarkdown(summary, withIgnored, 'r.json')).toContain('# Ignored mutants\n\nMarked in the source');
    expect(survivorsMarkdown(summary, withIgnored, 'r.json')).toContain('- `src/c.ts`: 2 × log lines are not part of the contract');
  });

  test.each([
    ['plain', 'a', '`a`'],
    ['one backtick', '`a`', '`` `a` ``'],
    ['empty', '', '(empty)'],
  ])('code span: %s', (_name, text, want) => {
    expect(codeSpan(text)).toBe(want);
  });
});
