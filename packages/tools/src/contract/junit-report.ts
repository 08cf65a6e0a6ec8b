// The run's JUnit report, written by the runner itself rather than by Dredd's xunit reporter
// (which prints each failure's request headers, the partner key among them, and wraps server text
// in CDATA that a `]]>` in an answer can end). Every string is XML-escaped, characters XML 1.0
// forbids are dropped, and long texts are shortened; the texts are already redacted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface JunitCase {
  name: string;
  verdict: 'pass' | 'fail' | 'not run';
  /** Failure lines, or the reason a case did not run. */
  lines: string[];
}

const maxTextLength = 4_000;
// Tab, line feed, carriage return and the ranges XML 1.0 allows; lone surrogates are not allowed.
const forbiddenInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  const shortened = text.length > maxTextLength ? `${text.slice(0, maxTextLength)}… (${text.length - maxTextLength} more characters)` : text;
  return shortened
    .replace(forbiddenInXml, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

export function junitXml(suite: { name: string; durationMs: number; cases: JunitCase[] }): string {
  const count = (verdict: JunitCase['verdict']) => suite.cases.filter((c) => c.verdict === verdict).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${xmlText(suite.name)}" tests="${suite.cases.length}" failures="${count('fail')}" errors="0" skipped="${count('not run')}" time="${(suite.durationMs / 1000).toFixed(3)}" timestamp="${new Date().toISOString()}">`,
  ];
  for (const testCase of suite.cases) {
    const open = `  <testcase name="${xmlText(testCase.name)}" classname="${xmlText(suite.name)}"`;
    const text = xmlText(testCase.lines.join('\n'));
    if (testCase.verdict === 'pass') lines.push(`${open}/>`);
    else if (testCase.verdict === 'not run') lines.push(`${open}>`, `    <skipped message="${text}"/>`, '  </testcase>');
    else lines.push(`${open}>`, `    <failure message="${xmlText(testCase.lines[0] ?? 'failed')}" type="contract">${text}</failure>`, '  </testcase>');
  }
  lines.push('</testsuite>', '');
  return lines.join('\n');
}

export function writeJunitReport(path: string, suite: Parameters<typeof junitXml>[0]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, junitXml(suite));
}
