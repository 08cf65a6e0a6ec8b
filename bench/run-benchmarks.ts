// The timed runs (npm run bench:runs; BENCH_FILTER=<text> for some): every bench/*.bench.ts, one table of medians.
// Not part of npm test: speed is measured here, never asserted in tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './benchmark.ts';
import { median, printTable } from './support/table.ts';

const filter = process.argv[2];
const benchDir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const rows: string[][] = [];
for (const file of files) {
  const benchmarks = (await import(pathToFileURL(join(benchDir, file)).href)).default as Benchmark[];
  for (const b of benchmarks) {
    if (filter && !`${file} ${b.name}`.includes(filter)) continue;
    console.error(`bench: ${b.name} (${b.runs} runs)`);
    const context = b.setup ? await b.setup() : undefined;
    const times: number[] = [];
    try {
      for (let i = 0; i < b.runs; i++) {
        const started = performance.now();
        await b.run(context);
        times.push(performance.now() - started);
        console.error(`bench:   run ${i + 1}: ${seconds(times.at(-1)!)}`);
      }
    } finally {
      await b.teardown?.(context);
    }
    rows.push([b.name, String(b.runs), seconds(median(times)), seconds(Math.min(...times)), seconds(Math.max(...times)), b.target ?? '']);
  }
}

printTable(['Benchmark', 'Runs', 'Median', 'Min', 'Max', 'Target'], rows);
