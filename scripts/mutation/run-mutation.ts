// npm run mutation [-- <Stryker options>]: Stryker over the reference implementation's decision
// code and the preflight (scripts/mutation/stryker.config.mjs), each mutant judged by a contract
// run against the reference server; then the list of surviving mutants (list-survivors.ts).
// A subset: npm run mutation -- --mutate packages/tools/src/reference/check-user.ts
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from '../lib/generated-dir.ts';

const bin = (name: string) => resolve(projectRoot, 'node_modules', '.bin', name);
const started = Date.now();
console.log('mutation: Stryker, one contract run per mutant (reports in reports/mutation/)');
const stryker = spawnSync(bin('stryker'), ['run', 'scripts/mutation/stryker.config.mjs', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' });
if (stryker.status !== 0) {
  console.error(`mutation: Stryker failed (exit ${stryker.status ?? stryker.signal})`);
  process.exit(stryker.status ?? 1);
}
const list = spawnSync(bin('tsx'), ['scripts/mutation/list-survivors.ts'], { cwd: projectRoot, stdio: 'inherit' });
console.log(`mutation: done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
process.exit(list.status ?? 1);
