// npm run bench [-- <group>...]: the one benchmark runner. It prints the date and the machine once,
// then runs each benchmark of the groups asked for (all by default) in its own Node process, so
// that no benchmark warms up or slows down another; each prints its table (bench/support/table.ts).
// Not part of npm test: speed is measured here, never asserted in tests.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const benchDir = import.meta.dirname;
const clientDir = join(benchDir, 'client');
const groups: Record<string, { file: string; args?: string[]; nodeFlags?: string[]; builtBin?: true }[]> = {
  // Client overhead, preflight throughput and bundle size; --expose-gc lets them collect between rounds.
  client: ['bundle-size.bench.ts', 'client.bench.ts', 'preflight.bench.ts'].map((file) => ({ file: join(clientDir, file), nodeFlags: ['--expose-gc'] })),
  // Wall times of whole runs (bench/*.bench.ts), medians of a few.
  runs: [{ file: join(benchDir, 'run-benchmarks.ts'), args: process.env.BENCH_FILTER ? [process.env.BENCH_FILTER] : [] }],
  reference: [{ file: join(benchDir, 'reference-throughput.ts') }],
  // Runs the tools' bin as built (dist/): built first.
  hostile: [{ file: join(benchDir, 'hostile-servers.ts'), builtBin: true }],
};

const asked = process.argv.slice(2);
const unknown = asked.filter((group) => !Object.hasOwn(groups, group));
if (unknown.length > 0) {
  console.error(`bench: unknown group ${unknown.join(', ')}; groups: ${Object.keys(groups).join(', ')}`);
  process.exit(2);
}
const cpu = cpus();
console.log(
  `bench: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
const chosen = asked.length > 0 ? asked : Object.keys(groups);
if (chosen.some((group) => groups[group]!.some((bench) => bench.builtBin))) {
  console.log('\n== build (the tools bin as partners run it)');
  execFileSync(process.execPath, ['--import', 'tsx', join(benchDir, '..', 'scripts', 'build.ts')], { stdio: 'inherit' });
}
for (const group of chosen) {
  for (const { file, args = [], nodeFlags = [] } of groups[group]!) {
    console.log(`\n== ${group}: ${file.slice(benchDir.length + 1)}`);
    execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], { stdio: 'inherit' });
  }
}
