import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/support/longest-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The environment every test and every process it starts inherits (a temporary folder of the
    // run, Node's compile cache); then dist/, which the type tests import by name as a consumer does.
    globalSetup: ['tests/support/test-environment.ts', 'tests/support/build-package.ts'],
    typecheck: {
      enabled: true,
      include: ['tests/**/*.test-d.ts'],
      // The type tests only: `npm run lint:ts` checks the whole project (a cold check of it here cost
      // three times as much).
      tsconfig: './tsconfig.type-tests.json',
    },
    // Most test files wait on sockets, child processes and timeouts rather than the CPU: on a
    // 2-core machine vitest's default (cores - 1 = one worker) runs them one after another. Four
    // did better than three on fresh clones (docs/development.md#how-the-tests-run).
    maxWorkers: 4,
    // A worker runs its files one after another in one process, instead of a new process per
    // file: no test file changes process-wide state (no mocks, stubs, fake timers, chdir or
    // environment), and each file's servers and temporary folders are its own.
    isolate: false,
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
