// off-ramp-contract init-fixtures [--out <file>] [--force]: writes the fixtures file the suite runs
// with (the sandbox's own ids and keys) as a starting point for a partner to replace with the ids
// and keys their server knows. Never overwrites a file unless asked (--force).
import { copyFileSync, constants, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { commandOptions } from './command-options.ts';
import { defaultFixturesPath } from '../spec/contract-files.ts';

const usage = 'usage: off-ramp-contract init-fixtures [--out <file>] [--force]   (default --out off-ramp-fixtures.json)';

function main(): number {
  const values = commandOptions('init-fixtures', usage, {
    options: {
      out: { type: 'string', default: 'off-ramp-fixtures.json' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const out = resolve(values.out);
  if (existsSync(out) && !values.force) {
    console.error(`init-fixtures: ${out} exists; pass --force to replace it`);
    return 2;
  }
  try {
    copyFileSync(defaultFixturesPath, out, values.force ? 0 : constants.COPYFILE_EXCL);
  } catch (error) {
    console.error(`init-fixtures: cannot write ${out}: ${(error as Error).message}`);
    return 2;
  }
  console.log(`init-fixtures: wrote ${out}`);
  console.log("  It holds the sandbox's ids and keys. Replace each with one your server knows in that state (the keys of");
  console.log('  apiKeys, users, quotes, bankInformation, receivers; the unavailable currency, chain and token; amounts out of');
  console.log(`  range), then: off-ramp-contract contract --server <url> --fixtures ${values.out}`);
  return 0;
}

process.exitCode = main();
