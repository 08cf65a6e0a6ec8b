// Test files share worker processes (vitest.config.ts: isolate false), so no test file may change
// what the next file in the same process would see: no module mocks, stubbed globals or
// environment, fake timers, working-directory changes or assignments to process.env. The global
// setup files run in vitest's own process, before any worker starts, and are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

const globalSetups = ['tests/support/test-environment.ts', 'tests/support/build-package.ts'];

const processWide: [string, RegExp][] = [
  ['a module mock', /\bvi\.(mock|doMock|hoisted)\(/],
  ['a stubbed global or environment variable', /\bvi\.stub(Global|Env)\(/],
  ['fake timers', /\bvi\.useFakeTimers\(/],
  ['a change of the working directory', /\bprocess\.chdir\(/],
  ['an assignment to the environment', /\bprocess\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=|\|\|=)|\bdelete\s+process\.env\b|Object\.assign\(\s*process\.env\b/],
];

/** What in `source` changes process-wide state, one line per finding. */
function processWideChanges(source: string): string[] {
  return source.split('\n').flatMap((line, index) => processWide.filter(([, pattern]) => pattern.test(line)).map(([what]) => `line ${index + 1}: ${what}`));
}

const testSources = readdirSync(resolve(projectRoot, 'tests'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
  .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)))
  .filter((file) => !globalSetups.includes(file) && file !== 'tests/code/shared-workers.test.ts');

describe('test files that share a worker', () => {
  test('change no process-wide state', () => {
    expect(testSources.length).toBeGreaterThan(50);
    const findings = testSources.flatMap((file) => processWideChanges(readFileSync(resolve(projectRoot, file), 'utf8')).map((f) => `${file}: ${f}`));
    expect(findings).toEqual([]);
  });

  test.each([
    ["vi.mock('node:fs');", 'a module mock'],
    ["vi.stubEnv('TZ', 'UTC');", 'a stubbed global or environment variable'],
    ['vi.useFakeTimers();', 'fake timers'],
    ["process.chdir('/tmp');", 'a change of the working directory'],
    ["process.env.TZ = 'UTC';", 'an assignment to the environment'],
    ["process.env['NODE_ENV'] ??= 'test';", 'an assignment to the environment'],
    ['delete process.env.HOME;', 'an assignment to the environment'],
  ])('the check finds %s', (source, what) => {
    expect(processWideChanges(`// a test file\n${source}\n`)).toEqual([`line 2: ${what}`]);
  });

  test('a comparison with the environment is no change', () => {
    expect(processWideChanges("if (process.env.CI === 'true') skip();\nconst env = { ...process.env };")).toEqual([]);
  });
});
