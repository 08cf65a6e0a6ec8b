// off-ramp-contract docs [--out <dir>] [--spec <openapi.json>]: builds the offline docs page.
import { resolve } from 'node:path';
import { commandOptions } from '../cli/command-options.ts';
import { bundledSpecPath } from '../spec/contract-files.ts';
import { buildDocs } from './build-docs.ts';

const usage = 'usage: off-ramp-contract docs [--out <dir>] [--spec <openapi.json>]   (defaults: --out off-ramp-docs, the bundled spec)';

function main(): number {
  const values = commandOptions('docs', usage, {
    options: { out: { type: 'string', default: 'off-ramp-docs' }, spec: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  try {
    const { page } = buildDocs(resolve(values.out), values.spec ? resolve(values.spec) : bundledSpecPath, (line) => console.log(line));
    console.log(`docs: open file://${page}`);
    return 0;
  } catch (error) {
    const failure = error as Error & { stderr?: string };
    console.error(`docs: cannot build: ${(failure.stderr || failure.message).trim()}`);
    return 2;
  }
}

process.exitCode = main();
