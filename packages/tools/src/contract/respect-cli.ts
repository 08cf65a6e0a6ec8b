// off-ramp-contract respect --server <url> [--fixtures <file>] [--json <file>] [--timeout <seconds>]
// The contract's scenarios run by Redocly's Arazzo runner instead of ours (see run-respect.ts).
// Exit codes: 0 every workflow passed; 1 a workflow failed; 2 the run could not start.
import { commandOptions, usageError } from '../cli/command-options.ts';
import { runRespect } from './run-respect.ts';

const usage = 'usage: off-ramp-contract respect --server <url> [--fixtures <file>] [--json <file>] [--timeout <seconds>]';

async function main(): Promise<number> {
  const values = commandOptions('respect', usage, {
    options: {
      server: { type: 'string' },
      fixtures: { type: 'string' },
      json: { type: 'string' },
      timeout: { type: 'string', default: '10' },
      help: { type: 'boolean', default: false },
    },
  });
  if (!values.server || !/^https?:\/\//.test(values.server)) {
    usageError('respect', usage, `--server must be an http:// or https:// URL`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) {
    usageError('respect', usage, `--timeout must be a number of seconds, not ${values.timeout}`);
  }
  let run: Awaited<ReturnType<typeof runRespect>>;
  try {
    run = await runRespect({
      server: values.server,
      requestTimeoutMs: timeoutSeconds * 1000,
      ...(values.fixtures ? { fixturesPath: values.fixtures } : {}),
      ...(values.json ? { jsonOutputPath: values.json } : {}),
    });
  } catch (error) {
    console.error(`respect: ${(error as Error).message}`);
    return 2;
  }
  console.log(run.output);
  if (run.skipped.length > 0) console.log(`respect: not run (respect cannot stall a request part-way): ${run.skipped.join(', ')}`);
  return run.exitCode === 0 ? 0 : run.exitCode === 1 ? 1 : 2;
}

process.exitCode = await main();
