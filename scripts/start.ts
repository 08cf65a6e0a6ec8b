// npm start, after lint:spec and generate: starts the reference implementation and the Prism mock
// on free ports, runs the contract suite against both, prints each run, the coverage table and a
// summary, stops everything (also on failure or Ctrl-C), and exits 1 on any failure.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
// The tools package as built (npm start builds it first): plain JavaScript, no TypeScript loader.
import {
  type CloseOptions,
  type ContractRunResult,
  formatCoverageTable,
  formatScenarioLines,
  type MockServer,
  type ReferenceServer,
  runContractSuite,
  startMock,
  startReferenceServer,
} from '@off-ramp/contract-tools';
import { projectRoot } from './lib/generated-dir.ts';

// --spec <bundled spec>: take the scenarios (and the mock) from another bundled spec, e.g. to try a change.
// --out <dir>: where the JUnit reports (contract/) and Prism's log (prism/) go; dist/ by default.
// --named-only: the reference implementation runs the named scenarios only, as the mock does (a quicker look).
const { values: options } = parseArgs({ options: { spec: { type: 'string' }, out: { type: 'string' }, 'named-only': { type: 'boolean' } } });
const specPath = options.spec ? resolve(options.spec) : undefined;
const outDir = options.out ? resolve(options.out) : resolve(projectRoot, 'dist');
const reportDir = resolve(outDir, 'contract');
// Everything started or starting, so that a failure or a signal stops it all.
const running: Promise<ReferenceServer | MockServer>[] = [];
// A signal stops them at once: requests in progress (the stalled one among them) are cut off.
const stopAll = (options: CloseOptions = {}) => Promise.allSettled(running.splice(0).map((server) => server.then((s) => s.close(options))));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nstart: ${signal}, stopping the servers`);
    void stopAll({ force: true }).then(() => process.exit(130));
  });
}

async function main(): Promise<boolean> {
  const started = Date.now();
  const referenceStarting = startReferenceServer();
  running.push(referenceStarting);
  const reference = await referenceStarting;
  console.log(`start: reference implementation on ${reference.url}`);
  // The mock (Prism behind its validating front) takes a few seconds to start: let it start while the reference run goes on.
  const mockStarting = startMock({ ...(specPath ? { specPath } : {}), log: resolve(outDir, 'prism', 'mock.log') });
  running.push(mockStarting);
  mockStarting.catch(() => undefined); // a failed start is reported where it is awaited, below

  const runs: { label: string; run: ContractRunResult }[] = [];
  const referenceRun = await runContractSuite({
    server: reference.url,
    target: 'server',
    specPath,
    derived: !options['named-only'],
    reportPath: resolve(reportDir, 'reference.xml'),
  });
  console.log(`\n${formatScenarioLines(referenceRun)}`);
  runs.push({ label: 'reference', run: referenceRun });

  const mock = await mockStarting;
  console.log(`\nstart: Prism mock on ${mock.url} (log: ${mock.log})`);
  const mockRun = await runContractSuite({ server: mock.url, target: 'prism-mock', specPath, reportPath: resolve(reportDir, 'mock.xml') });
  console.log(`\n${formatScenarioLines(mockRun)}`);
  runs.push({ label: 'mock', run: mockRun });

  console.log(`\n${formatCoverageTable(runs)}\n`);
  for (const { label, run } of runs) {
    const passed = run.results.filter((r) => r.verdict === 'pass').length;
    console.log(
      `start: ${label}: ${run.passed ? 'PASSED' : 'FAILED'}, ${passed}/${run.results.length} scenarios, catalog rows covered ${run.catalogRowsCovered}/${run.catalogRows}, JUnit report ${run.reportPath}`,
    );
  }
  const allPassed = runs.every(({ run }) => run.passed);
  console.log(`start: ${allPassed ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return allPassed;
}

try {
  process.exitCode = (await main()) ? 0 : 1;
} catch (error) {
  console.error(`start: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
