// Vitest's order of test files (by the durations it remembers, else larger files first), except
// that the files known to run for tens of seconds (whole contract runs, consumer installs, a
// browser, the server's 10 s request timeout) start first. On a fresh clone vitest remembers no
// duration, and one of them started late would keep the whole run waiting at its end.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

/** Slowest first, as measured on a fresh clone of the 2-core machine (2026-12-06; docs/development.md#speed). */
export const longRunningFiles = [
  'tests/packages/pack-and-install.test.ts',
  'tests/contract/npm-start.test.ts',
  'tests/docs/docs-page.test.ts',
  'tests/contract/contract-cli.test.ts',
  'tests/mock/prism-mock.test.ts',
  'tests/contract/hostile-servers.test.ts',
  'tests/mock/mock-agrees-with-preflight.test.ts',
  'tests/contract/prism-proxy-target.test.ts',
  'tests/reference/lingering-and-timeouts.test.ts',
  'tests/contract/fault-injection.test.ts',
  'tests/contract/respect.test.ts',
  'tests/fuzz/hostile-servers.test.ts',
  'tests/client/hostile-servers.test.ts',
  'tests/spec/breaking-changes.test.ts',
  'tests/mock/mock-cli.test.ts',
  'tests/reference/any-input.test.ts',
];

const missing = longRunningFiles.filter((file) => !existsSync(resolve(projectRoot, file)));
if (missing.length > 0) throw new Error(`longest-first-sequencer: no such test file: ${missing.join(', ')}`);

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = longRunningFiles.indexOf(relative(projectRoot, file.moduleId));
      return index === -1 ? longRunningFiles.length : index;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
