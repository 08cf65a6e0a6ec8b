// off-ramp-contract contract --server <url> [--fixtures <file>] [--target server|prism-mock|prism-proxy]
//                     [--report <file>] [--verdict <file>] [--only <scenario>]... [--named-only] [--check <id>]... [--timeout <seconds>] [--dredd-output]
// Exit codes: 0 every scenario that ran passed; 1 a scenario failed; 2 the run could not start.
// The command as a function of its arguments (cli.ts runs it with the process' own): a usage error
// or --help prints through `io` and returns 2 or 0; it never ends the process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { endsAs, parseCommandOptions, usageFailure } from '../cli/command-options.ts';
import type { CommandIo } from '../cli/command-io.ts';
import { targetKinds, type TargetKind } from './targets.ts';

const usage = `usage: off-ramp-contract contract --server <url> [--fixtures <file>] [--target ${targetKinds.join('|')}] [--report <file>] [--verdict <file>] [--only <scenario>]... [--named-only] [--check <id>]... [--timeout <seconds>] [--dredd-output]`;

export function contractCommand(args: string[], io: CommandIo): Promise<number> {
  return endsAs(io, () => run(args, io));
}

async function run(args: string[], io: CommandIo): Promise<number> {
  const values = parseCommandOptions('contract', usage, {
    args,
    options: {
      server: { type: 'string' },
      fixtures: { type: 'string' },
      target: { type: 'string', default: 'server' },
      report: { type: 'string' },
      only: { type: 'string', multiple: true },
      'named-only': { type: 'boolean', default: false },
      check: { type: 'string', multiple: true },
      verdict: { type: 'string' },
      'dredd-output': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '10' },
      help: { type: 'boolean', default: false },
    },
  });
  if (!values.server) {
    usageFailure('contract', usage, `--server is required`);
  }
  if (!(targetKinds as readonly string[]).includes(values.target!)) {
    usageFailure('contract', usage, `--target must be one of ${targetKinds.join(', ')}`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) {
    usageFailure('contract', usage, `--timeout must be a number of seconds, not ${values.timeout}`);
  }
  // Loaded only now: Dredd takes a moment to load, and a usage error should not wait for it.
  const { runContractSuite } = await import('./run-contract-suite.ts');
  const { formatCoverageTable, formatScenarioLines } = await import('./report.ts');
  const { verdictSummary } = await import('./verdict-summary.ts');
  let run: Awaited<ReturnType<typeof runContractSuite>>;
  try {
    run = await runContractSuite({
      server: values.server,
      target: values.target as TargetKind,
      ...(values.fixtures ? { fixturesPath: values.fixtures } : {}),
      ...(values.report ? { reportPath: values.report } : {}),
      ...(values.only ? { only: values.only } : {}),
      derived: !values['named-only'],
      ...(values.check ? { checks: values.check } : {}),
      dreddOutput: values['dredd-output'],
      requestTimeoutMs: timeoutSeconds * 1000,
    });
  } catch (error) {
    io.err(`contract: ${(error as Error).message}`);
    return 2;
  }
  io.out(formatScenarioLines(run));
  io.out(`\n${formatCoverageTable([{ label: run.target, run }])}`);
  io.out(`\nreport (JUnit): ${run.reportPath}`);
  const summary = verdictSummary(run);
  if (values.verdict) {
    const path = resolve(values.verdict);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
    io.out(`verdict (JSON): ${path}`);
  }
  for (const id of run.checksOnNoCase) io.out(`contract: the check ${id} judged no case: the run proves nothing of it`);
  io.out(`contract: ${run.passed ? 'PASSED' : 'FAILED'} in ${(run.durationMs / 1000).toFixed(1)} s`);
  return run.passed ? 0 : 1;
}
