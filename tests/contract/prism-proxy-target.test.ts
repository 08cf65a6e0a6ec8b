// The reference implementation behind `prism proxy --errors`: Prism, a second and independent
// judge, validates every request and answer against the spec and turns a violation into an error
// answer, which the contract suite then fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { startPrism, type PrismServer } from '../../packages/tools/src/prism/start-prism.ts';
import { answerFaults } from './support/answer-faults.ts';
import { useReferenceBehindFaultProxy } from './support/reference-behind-fault-proxy.ts';
import { derivedNames } from '../support/derived.ts';
import { processesMentioning } from '../support/processes.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { bundledSpecPath } from '../../packages/tools/src/spec/contract-files.ts';

// The requests the spec rejects (schema-invalid bodies, no API key): Prism answers them itself.
const refusedByPrism = ['ApiKeyMissing', 'UserIdMissing', 'InvalidUserInput', 'PricingSourceMissing', 'BankSourceMissing'];
// Prism forwards the body re-serialized, so the oversized body arrives small.
const unpaddedByPrism = ['PayloadTooLarge'];
// Prism holds a stalled request itself: the implementation behind it never sees it stall.
const stalled = ['RequestTimeout'];

const servers = useReferenceBehindFaultProxy();
let prism: PrismServer;
let prismWithoutRequestChecks: PrismServer;
const reports = mkdtempSync(join(tmpdir(), 'off-ramp-contract-proxy-'));

beforeAll(async () => {
  [prism, prismWithoutRequestChecks] = await Promise.all([
    startPrism({ mode: 'proxy', upstream: servers.faults.url, log: join(reports, 'prism-proxy.log') }),
    startPrism({ mode: 'proxy', upstream: servers.faults.url, validateRequest: false, log: join(reports, 'prism-proxy-no-request-checks.log') }),
  ]);
});
afterAll(async () => {
  await prism?.close();
  await prismWithoutRequestChecks?.close();
  rmSync(reports, { recursive: true, force: true });
});

describe('the reference implementation behind prism proxy --errors', () => {
  test('Prism runs with its preload, through which SIGTERM ends it by process.exit (tests/mock/prism-preload.test.ts)', () => {
    const preload = resolve(projectRoot, 'packages/tools/src/prism/prism-preload.cjs');
    expect(processesMentioning(` proxy ${bundledSpecPath} ${servers.faults.url} `)).toEqual([
      expect.stringContaining(`--require ${preload} `),
      expect.stringContaining(`--require ${preload} `),
    ]);
  });

  test('every scenario whose request meets the spec passes; the others cannot reach the implementation', async () => {
    servers.faults.setFault(undefined);
    const run = await runContractSuite({ server: prism.url, target: 'prism-proxy', reportPath: join(reports, 'proxy.xml') });
    expect(run.results.filter((r) => r.verdict === 'fail').map((r) => r.scenario.name)).toEqual([]);
    const named = run.results.filter((r) => !derivedNames.includes(r.scenario.name));
    expect(
      named
        .filter((r) => r.verdict === 'not run')
        .map((r) => r.scenario.name)
        .sort(),
    ).toEqual([...refusedByPrism, ...unpaddedByPrism, ...stalled].sort());
    expect(named.filter((r) => r.verdict === 'pass')).toHaveLength(named.length - refusedByPrism.length - unpaddedByPrism.length - stalled.length);
    // Of the derived requests, those with faults of form or schema cannot pass Prism; every other one runs and passes.
    const derived = run.results.filter((r) => derivedNames.includes(r.scenario.name));
    expect(derived).toHaveLength(derivedNames.length);
    const notRun = derived.filter((r) => r.verdict === 'not run');
    expect(notRun.length).toBeGreaterThan(0);
    for (const result of notRun) expect(result.message, result.scenario.name).toMatch(/prism proxy/);
    // Requests that meet the spec in form and schema reach the implementation, and pass.
    for (const family of ['stateful', 'boundary', 'relation', 'penny-test'])
      expect(derived.filter((r) => r.scenario.family === family).every((r) => r.verdict === 'pass')).toBe(true);
    expect(run.passed).toBe(true);
  });

  test('with request validation off, Prism judges the answers to the schema-invalid bodies too, and they pass', async () => {
    // Prism checks the API key even with request validation off, so ApiKeyMissing never passes it.
    const invalidBodies = refusedByPrism.filter((name) => name !== 'ApiKeyMissing');
    servers.faults.setFault(undefined);
    const run = await runContractSuite({
      server: prismWithoutRequestChecks.url,
      only: invalidBodies,
      reportPath: join(reports, 'proxy-no-request-checks.xml'),
    });
    expect(Object.fromEntries(run.results.map((r) => [r.scenario.name, r.verdict]))).toEqual(Object.fromEntries(invalidBodies.map((name) => [name, 'pass'])));
  });

  test("an answer that breaks the schema becomes Prism's 500, and the suite fails that scenario", async () => {
    const fault = answerFaults.find((f) => f.kind === 'a wrong type')!;
    servers.faults.setFault(fault);
    // The named scenarios: the fault is in one of them (the first test ran the derived ones through Prism).
    const run = await runContractSuite({ server: prism.url, target: 'prism-proxy', derived: false, reportPath: join(reports, 'proxy-fault.xml') });
    servers.faults.setFault(undefined);
    expect(run.results.filter((r) => r.verdict === 'fail').map((r) => r.scenario.name)).toEqual([fault.scenario]);
    const checks = run.results.find((r) => r.scenario.name === fault.scenario)!.deviations;
    expect(checks).toContainEqual({ check: 'status', expected: '201', actual: '500' });
    expect(checks.find((d) => d.check === 'content-type')?.actual).toBe('application/problem+json');
  });
});
