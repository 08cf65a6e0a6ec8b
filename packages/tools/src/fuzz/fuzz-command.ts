// off-ramp-contract fuzz --server <url> [--fixtures <file>] [--runs N] [--seed S] [--check <id>]... [--timeout <seconds>]
// Exit 0 when every generated case passed, 1 on a failure (printed, shrunk, with a curl line),
// 2 on bad arguments or an unusable fixtures file. The command as a function of its arguments
// (cli.ts runs it with the process' own): a usage error or --help prints through `io` and returns
// 2 or 0; it never ends the process.
import { endsAs, parseCommandOptions, usageFailure } from '../cli/command-options.ts';
import type { CommandIo } from '../cli/command-io.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';
import { defaultFixturesPath, loadFixtures } from '../contract/fixtures.ts';
import { redactUrl } from '../http/secret-redaction.ts';
import { formatDeviation } from '../contract/checks/deviation.ts';
import { printableLine } from '../output/printable-line.ts';
import { runFuzz, type FuzzFailure } from './run-fuzz.ts';

const usageLine = 'usage: off-ramp-contract fuzz --server <url> [--fixtures <file>] [--runs N] [--seed S] [--check <id>]... [--timeout <seconds>]';

function usage(message: string): never {
  return usageFailure('fuzz', usageLine, message);
}

export function fuzzCommand(args: string[], io: CommandIo): Promise<number> {
  return endsAs(io, () => run(args, io));
}

async function run(args: string[], io: CommandIo): Promise<number> {
  const values = parseCommandOptions('fuzz', usageLine, {
    args,
    options: {
      server: { type: 'string' },
      fixtures: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      check: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (!values.server || !URL.canParse(values.server) || !/^https?:$/.test(new URL(values.server).protocol)) usage('--server <http(s) url> is required');
  const runs = Number(values.runs ?? 500);
  const seed = Number(values.seed ?? Date.now() % 2 ** 31);
  if (!Number.isInteger(runs) || runs < 1) usage('--runs must be a positive whole number');
  if (!Number.isInteger(seed)) usage('--seed must be a whole number');
  const timeoutSeconds = Number(values.timeout ?? 10);
  if (!(timeoutSeconds > 0)) usage('--timeout must be a positive number of seconds');
  const server = redactUrl(values.server);

  const started = performance.now();
  let report: Awaited<ReturnType<typeof runFuzz>>;
  try {
    report = await runFuzz(loadBundledSpec(), {
      ...(values.check ? { checks: values.check } : {}),
      server: values.server,
      fixtures: loadFixtures(values.fixtures ?? defaultFixturesPath),
      runs,
      seed,
      timeoutMs: timeoutSeconds * 1000,
    });
  } catch (error) {
    // An unreadable fixtures file, or a key that cannot be sent: the message names no secret.
    usage((error as Error).message);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const show = (failure: FuzzFailure) => {
    io.out(`FAIL ${failure.kind}: expected ${failure.expected}`);
    for (const d of failure.deviations) io.out(`  ${printableLine(formatDeviation(d))}`);
    io.out(`  body: ${JSON.stringify(failure.body)}`);
    io.out(`  reproduce: ${failure.curl}`);
  };
  io.out(`fuzz: seed ${report.seed}, ${runs} valid and ${runs} invalid bodies against ${server} in ${seconds} s`);
  io.out(`  valid bodies:   ${report.positive.failure ? 'FAILED' : `all ${runs} created`}`);
  io.out(`  invalid bodies: ${report.negative.failure ? 'FAILED' : `all ${runs} answered with their catalog row`}`);
  for (const [row, count] of Object.entries(report.negative.byExpectedRow).sort()) io.out(`    ${row}: ${count}`);
  if (report.positive.failure) show(report.positive.failure);
  if (report.negative.failure) show(report.negative.failure);
  io.out(`  rerun: off-ramp-contract fuzz --server ${server} --runs ${runs} --seed ${report.seed}`);
  return report.positive.failure || report.negative.failure ? 1 : 0;
}
