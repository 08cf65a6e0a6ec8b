// Runs several commands of the tools' bin at once in this one Node process, as the functions the
// bin runs (contractCommand, fuzzCommand of the built package), and prints one JSON line: each
// command's exit code, output and wall time, and this process' peak resident memory over all of
// them. For tests that run many short commands against hostile servers: one process start instead
// of one per command, and a memory bound that must hold for all of them together.
// Usage: node --import tsx support/run-commands-together.ts '[{"command":"contract","args":[...]}, ...]'
import { type CommandIo, contractCommand, fuzzCommand } from '@off-ramp/contract-tools';

const commands = { contract: contractCommand, fuzz: fuzzCommand };
type CommandName = keyof typeof commands;

const asked = JSON.parse(process.argv[2] ?? '[]') as { command: CommandName; args: string[] }[];
const results = await Promise.all(
  asked.map(async ({ command, args }) => {
    let output = '';
    const io: CommandIo = { out: (text) => (output += `${text}\n`), err: (text) => (output += `${text}\n`) };
    const started = performance.now();
    try {
      const code = await commands[command](args, io);
      return { code, output, wallMs: performance.now() - started };
    } catch (error) {
      return { code: null, output: `${output}${command} threw: ${(error as Error).stack ?? error}\n`, wallMs: performance.now() - started };
    }
  }),
);
console.log(JSON.stringify({ results, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
