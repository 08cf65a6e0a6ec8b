// Runs several commands of the tools' bin in this one Node process, a few at a time, as the
// functions the bin runs (contractCommand, fuzzCommand of the built package), and prints one JSON
// line: each command's exit code, output and wall time (from its own start), and this process' peak
// resident memory over all of them. For tests that run many short commands against hostile
// servers: one process start instead of one per command, and a memory bound that must hold for all
// of them together. Few at a time, so that each run's wall time is its own and not the queue's.
// Usage: node --import tsx support/run-commands-together.ts '[{"command":"contract","args":[...]}, ...]'
import { type CommandIo, contractCommand, fuzzCommand } from '@off-ramp/contract-tools';

const commands = { contract: contractCommand, fuzz: fuzzCommand };
type CommandName = keyof typeof commands;
const atOnce = 4;

const asked = JSON.parse(process.argv[2] ?? '[]') as { command: CommandName; args: string[] }[];
const results: { code: number | null; output: string; wallMs: number }[] = [];
let next = 0;
const worker = async () => {
  while (next < asked.length) {
    const index = next++;
    results[index] = await runOne(asked[index]!);
  }
};
await Promise.all(Array.from({ length: atOnce }, worker));
console.log(JSON.stringify({ results, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));

async function runOne({ command, args }: { command: CommandName; args: string[] }) {
  let output = '';
  const io: CommandIo = { out: (text) => (output += `${text}\n`), err: (text) => (output += `${text}\n`) };
  const started = performance.now();
  try {
    const code = await commands[command](args, io);
    return { code, output, wallMs: performance.now() - started };
  } catch (error) {
    return { code: null, output: `${output}${command} threw: ${(error as Error).stack ?? error}\n`, wallMs: performance.now() - started };
  }
}
