// `npm run bench:client`: runs every bench/client/*.bench.ts in turn, each in its own process (tsx).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = import.meta.dirname;
for (const file of readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()) {
  console.log(`\n== bench/${file}`);
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(benchDir, file)], { stdio: 'inherit' });
}
