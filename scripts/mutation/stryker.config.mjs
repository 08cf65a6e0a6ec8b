// Stryker's configuration for `npm run mutation` (scripts/mutation/run-mutation.ts): mutants of the
// reference implementation's decision code and of the client's preflight, each judged by one
// contract run against the reference server started from the sandbox's sources.
export default {
  testRunner: 'command',
  commandRunner: {
    // TSX_TSCONFIG_PATH: tsx maps `@off-ramp/client` to the sandbox's packages/client/src (tsconfig
    // `paths`), so that a mutated preflight is what the server runs; the script checks it.
    command: 'TSX_TSCONFIG_PATH=scripts/mutation/tsconfig.json node --import tsx scripts/mutation/contract-against-reference.ts',
  },
  // The request-deciding code; transport plumbing (start-http-front, linger-and-close, read-body-bytes,
  // send-response, answer-client-error: malformed HTTP, which the suite as an HTTP client cannot
  // send; tests/reference covers it on raw sockets), start-up (cli, seed-state, load-fixtures)
  // and state are left out.
  mutate: [
    'packages/tools/src/reference/build-created-response.ts',
    'packages/tools/src/reference/catalog-errors.ts',
    'packages/tools/src/reference/check-*.ts',
    'packages/tools/src/reference/decide-off-ramp.ts',
    'packages/tools/src/reference/find-duplicate-member.ts',
    'packages/tools/src/reference/find-partner.ts',
    'packages/tools/src/reference/off-ramp-route.ts',
    'packages/tools/src/reference/price-off-ramp.ts',
    'packages/tools/src/reference/read-json-body.ts',
    'packages/tools/src/reference/route-request.ts',
    'packages/client/src/preflight/*.ts',
  ],
  // The command runner reports one test and no coverage: every mutant is run.
  coverageAnalysis: 'off',
  // Two cores, shared: never more than two contract runs at once.
  concurrency: 2,
  // A clean run takes about 3 s. A mutant that stalls answers fails within the suite's own
  // deadlines (3 s per exchange); one that hangs the process (a busy loop) is stopped after
  // 1.5 x the clean run + 10 s, killed with its children, and counts as Timeout (detected).
  timeoutFactor: 1.5,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  clearTextReporter: { allowColor: false, allowEmojis: false, reportMutants: false, reportTests: false },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  // Not needed by the command: kept out of the sandbox copy.
  ignorePatterns: ['dist', '/reports', '/tests', '/bench', '/coverage', '/.vitest-cache', '*.log'],
};
