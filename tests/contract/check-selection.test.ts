// Named, selectable checks and the verdict file: `--check <id>` makes only those checks (and
// transport), Dredd's own status comparison included; a check asked for that judges no case fails
// the run; `--verdict <file>` counts the cases per check and per scenario family.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { verdictSummary } from '../../packages/tools/src/contract/verdict-summary.ts';
import { runToolsCommand } from '../../support/run-script.ts';
import { answerFaults } from './support/answer-faults.ts';
import { useReferenceBehindFaultProxy } from './support/reference-behind-fault-proxy.ts';

const servers = useReferenceBehindFaultProxy();
const work = mkdtempSync(join(tmpdir(), 'off-ramp-check-selection-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = (options: { only: string[]; checks?: string[] }, name: string) =>
  runContractSuite({ server: servers.faults.url, reportPath: join(work, `${name}.xml`), ...options });

describe('selectable checks', () => {
  const wrongStatus = answerFaults.find((fault) => fault.kind === 'wrong status (error)')!;

  test('a fault of a check that is not selected does not fail the scenario; the same fault fails it by default', async () => {
    servers.faults.setFault(wrongStatus);
    try {
      const all = await run({ only: [wrongStatus.scenario] }, 'all');
      expect(all.passed).toBe(false);
      expect(all.results[0]!.deviations.map((d) => d.check)).toContain('status');
      const some = await run({ only: [wrongStatus.scenario], checks: ['catalog-code', 'catalog-message'] }, 'some');
      expect(some.results[0]).toMatchObject({ verdict: 'pass', deviations: [], checked: ['transport', 'catalog-code', 'catalog-message'] });
      expect(some.passed).toBe(true);
    } finally {
      servers.faults.setFault(undefined);
    }
  });

  test('a selected check still fails on its own fault', async () => {
    const wrongCode = answerFaults.find((fault) => fault.kind === 'a wrong error code')!;
    servers.faults.setFault(wrongCode);
    try {
      const selected = await run({ only: [wrongCode.scenario], checks: ['catalog-code'] }, 'code');
      expect(selected.passed).toBe(false);
      expect(selected.results[0]!.deviations.map((d) => d.check)).toEqual(['catalog-code']);
    } finally {
      servers.faults.setFault(undefined);
    }
  });

  test('a check asked for that judges no case fails the run, and says which', async () => {
    const errorOnly = await run({ only: ['QuoteExpired'], checks: ['transaction-echo'] }, 'no-case');
    expect(errorOnly.results[0]!.verdict).toBe('pass');
    expect(errorOnly.checksOnNoCase).toEqual(['transaction-echo']);
    expect(errorOnly.passed).toBe(false);
    expect(verdictSummary(errorOnly).reasons).toEqual(['the check transaction-echo judged no case']);
  });

  test('an unknown check name stops the run before it starts', async () => {
    await expect(run({ only: ['QuoteExpired'], checks: ['not_a_server_error'] }, 'unknown')).rejects.toThrow(/No check named not_a_server_error/);
  });
});

describe('the verdict file', () => {
  test('counts the cases per check and per family, written by --verdict', async () => {
    const verdict = join(work, 'verdict', 'contract.json');
    const { code, output } = await runToolsCommand([
      'contract',
      '--server',
      servers.faults.url,
      '--only',
      'FiatAmountToMexico',
      '--only',
      'QuoteExpired',
      '--only',
      'PayloadTooLarge',
      '--verdict',
      verdict,
      '--report',
      join(work, 'cli.xml'),
    ]);
    expect(code, output).toBe(0);
    const summary = JSON.parse(readFileSync(verdict, 'utf8'));
    expect(summary).toMatchObject({ passed: true, reasons: [], scenarios: { run: 3, passed: 3, failed: 0, notRun: 0 }, checksOnNoCase: [] });
    expect(summary.families).toEqual({
      created: { cases: 1, failed: 0, notRun: 0 },
      'catalog-error': { cases: 1, failed: 0, notRun: 0 },
      'transport-limit': { cases: 1, failed: 0, notRun: 0 },
    });
    expect(summary.checks.transport).toEqual({ cases: 3, failed: 0 });
    expect(summary.checks['catalog-code']).toEqual({ cases: 2, failed: 0 });
    expect(summary.checks['transaction-echo']).toEqual({ cases: 1, failed: 0 });
  });

  test('--check with an unknown id is a usage error (exit 2)', async () => {
    const { code, output } = await runToolsCommand(['contract', '--server', servers.faults.url, '--check', 'nosuch']);
    expect(code).toBe(2);
    expect(output).toContain('No check named nosuch');
  });
});
