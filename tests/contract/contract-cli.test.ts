// `off-ramp-contract contract` as partners run it (the built bin; `npm run contract` runs the same
// module from the sources): output, exit codes, JUnit report, and a fixtures file
// of their own.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { contractScenarios } from '../../packages/tools/src/contract/scenarios.ts';
import { errorCatalogFromSpec } from '../../packages/tools/src/spec/error-catalog.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { startReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';
import { runToolsCommand } from '../../support/run-script.ts';
import { derivedNames } from '../support/derived.ts';
import { shortRequestTimeoutMs } from '../support/reference-http.ts';
import { derivedFamilies } from '../../packages/tools/src/contract/derived/derived-scenarios.ts';
import { answerFaults } from './support/answer-faults.ts';
import { writeOtherFixtures } from './support/other-fixtures.ts';
import { useReferenceBehindFaultProxy } from './support/reference-behind-fault-proxy.ts';

const spec = loadBundledSpec();
const scenarioNames = contractScenarios(spec).map((s) => s.name);
const allNames = [...scenarioNames, ...derivedNames];
const catalogRows = errorCatalogFromSpec(spec).length;
const work = mkdtempSync(join(tmpdir(), 'off-ramp-contract-cli-'));

const contractCli = (args: string[]) => runToolsCommand(['contract', ...args]);
const servers = useReferenceBehindFaultProxy();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('off-ramp-contract contract', () => {
  test('against the reference implementation: every scenario passes, every catalog row covered, exit 0, a JUnit report', async () => {
    const report = join(work, 'reference.xml');
    const { code, output } = await contractCli(['--server', servers.reference.url, '--report', report]);
    expect(output).not.toMatch(/^FAIL/m);
    // RequestTimeout too: the exchange gate sends it stalled, and the server's own timeout answers it.
    for (const name of scenarioNames) expect(output).toMatch(new RegExp(`^PASS +${name} `, 'm'));
    expect(output).toMatch(new RegExp(`^Catalog rows covered +${catalogRows}/${catalogRows}$`, 'm'));
    expect(output).toMatch(new RegExp(`^Scenarios passed +${allNames.length}/${allNames.length}$`, 'm'));
    for (const family of derivedFamilies) expect(output).toMatch(new RegExp(`^derived: ${family} +(\\d+)/\\1$`, 'm'));
    expect(code).toBe(0);
    const xml = readFileSync(report, 'utf8');
    expect(xml).toMatch(new RegExp(`<testsuite [^>]*tests="${allNames.length}" failures="0" errors="0"`));
    for (const name of allNames) expect(xml).toContain(`<testcase name="${name} (POST `);
  });

  test('a deviation: exit 1, the scenario named with expected and actual, the failure in the JUnit report', async () => {
    const fault = answerFaults.find((f) => f.kind === 'a wrong message')!;
    servers.faults.setFault(fault);
    const report = join(work, 'fault.xml');
    // --named-only: the fault is in a named scenario's answer (and the option is exercised here).
    const { code, output } = await contractCli(['--server', servers.faults.url, '--report', report, '--named-only']);
    servers.faults.setFault(undefined);
    expect(output).toMatch(/^FAIL +ReceiverNotVerified +400 BAD_REQUEST/m);
    expect(output).toContain('[catalog-message]: expected "The receiver user account is not verified", actual "The receiver user account is not verified."');
    expect(output).toMatch(new RegExp(`^Catalog rows covered +${catalogRows - 1}/${catalogRows}$`, 'm'));
    expect(output).not.toMatch(/^derived/m);
    expect(code).toBe(1);
    expect(readFileSync(report, 'utf8')).toMatch(new RegExp(`<testsuite [^>]*tests="${scenarioNames.length}" failures="1"`));
  });

  test('no server answering: the scenario fails with the connection error', async () => {
    const closed = await startReferenceServer();
    await closed.close();
    const run = await runContractSuite({ server: closed.url, only: ['ApiKeyMissing'], reportPath: join(work, 'down.xml') });
    expect(run.results.map((r) => [r.scenario.name, r.verdict])).toEqual([['ApiKeyMissing', 'fail']]);
    expect(run.results[0]!.deviations).toEqual([expect.objectContaining({ check: 'transport', actual: expect.stringContaining('ECONNREFUSED') })]);
    expect(run.passed).toBe(false);
  });

  test('a server that never answers: the scenario fails after the timeout', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
    try {
      const { port } = silent.address() as AddressInfo;
      const run = await runContractSuite({
        server: `http://127.0.0.1:${port}`,
        only: ['ApiKeyMissing'],
        requestTimeoutMs: 500,
        reportPath: join(work, 'silent.xml'),
      });
      expect(run.results.map((r) => [r.scenario.name, r.verdict])).toEqual([['ApiKeyMissing', 'fail']]);
      expect(run.results[0]!.deviations).toEqual([expect.objectContaining({ check: 'transport', actual: 'no complete answer within 500 ms' })]);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  // Separate processes that wait on nothing but their own start: run side by side.
  test.concurrent.each([
    ['no --server', [], '--server is required'],
    ['a timeout that is not a number', ['--server', 'http://127.0.0.1:9', '--timeout', 'soon'], '--timeout must be a number of seconds'],
    ['an unknown --target', ['--server', 'http://127.0.0.1:9', '--target', 'staging'], '--target must be one of'],
    ['an unknown scenario', ['--server', 'http://127.0.0.1:9', '--only', 'NoSuchScenario'], 'No scenario named NoSuchScenario'],
    ['a fixtures file without a key', ['--server', 'http://127.0.0.1:9', '--fixtures', 'WITHOUT_KEY'], 'missing quotes.expired'],
    [
      'a fixtures file for the mock, which answers with the default ones',
      ['--server', 'http://127.0.0.1:9', '--target', 'prism-mock', '--fixtures', 'packages/tools/fixtures/contract-fixtures.json'],
      'without --fixtures',
    ],
  ])('%s: exit 2 with a clear message', async (name, args, message) => {
    const withoutKey = join(work, `without-key-${name.length}.json`);
    const fixtures = JSON.parse(readFileSync(resolve(projectRoot, 'packages/tools/fixtures/contract-fixtures.json'), 'utf8'));
    delete fixtures.quotes.expired;
    writeFileSync(withoutKey, JSON.stringify(fixtures));
    const { code, output } = await contractCli(args.map((a) => (a === 'WITHOUT_KEY' ? withoutKey : a)));
    expect(output).toMatch(/^contract: .+/m);
    expect(output).toContain(message);
    expect(code).toBe(2);
  });
});

describe('a server seeded from another fixtures file', () => {
  test('passes with --fixtures <its file>, and fails with the default fixtures', async () => {
    const otherFixtures = writeOtherFixtures(work);
    const other = await startReferenceServer({ fixturesPath: otherFixtures, requestTimeoutMs: shortRequestTimeoutMs });
    try {
      const withItsFixtures = await runContractSuite({ server: other.url, fixturesPath: otherFixtures, reportPath: join(work, 'other.xml') });
      expect(withItsFixtures.results.filter((r) => r.verdict !== 'pass').map((r) => r.scenario.name)).toEqual([]);
      // The named scenarios are enough to show it (the derived ones add nothing to this verdict).
      const withDefaults = await runContractSuite({ server: other.url, derived: false, reportPath: join(work, 'defaults.xml') });
      expect(withDefaults.passed).toBe(false);
      expect(withDefaults.results.find((r) => r.scenario.name === 'FiatAmountToMexico')!.verdict).toBe('fail');
    } finally {
      await other.close();
    }
  });
});
