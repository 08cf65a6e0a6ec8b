// The test of one mutant (Stryker's command runner runs it in its sandbox, the mutant chosen by
// __STRYKER_ACTIVE_MUTANT__): the reference implementation from this folder's sources, the
// contract suite against it; exit 0 when the run passed, 1 when it failed, 2 when the client would
// not come from its sources (the dry run then fails and Stryker stops).
// Run with TSX_TSCONFIG_PATH=scripts/mutation/tsconfig.json (see stryker.config.json there).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runContractSuite } from '../../packages/tools/src/contract/run-contract-suite.ts';
import { startReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';

const root = resolve(import.meta.dirname, '..', '..');
// The tools import the client by name; a mutated preflight counts only if that name reaches this
// folder's packages/client/src, not node_modules' symlink to the built dist/ of the main checkout.
const clientEntry = fileURLToPath(import.meta.resolve('@off-ramp/client'));
const clientSources = join(root, 'packages', 'client', 'src', 'index.ts');
if (clientEntry !== clientSources) {
  console.error(`mutation: @off-ramp/client resolves to ${clientEntry}, not ${clientSources}: set TSX_TSCONFIG_PATH=scripts/mutation/tsconfig.json`);
  process.exit(2);
}

// Short deadlines so that a mutant that stalls answers fails fast: the server's request timeout
// (the RequestTimeout scenario waits for it) and the suite's deadline per exchange.
const server = await startReferenceServer({ port: 0, requestTimeoutMs: 1000 });
const reportPath = join(tmpdir(), `off-ramp-mutation-${process.pid}.xml`);
let passed = false;
try {
  const run = await runContractSuite({ server: server.url, target: 'server', reportPath, requestTimeoutMs: 3000 });
  passed = run.passed;
  const failed = run.results.filter((r) => r.verdict === 'fail').map((r) => r.scenario.name);
  console.log(`mutation: contract ${passed ? 'passed' : `failed: ${failed.join(', ')}`} (${run.durationMs} ms, client ${clientEntry})`);
} catch (error) {
  console.log(`mutation: contract run threw: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(reportPath, { force: true });
}
// Exit without waiting for the server to close: a mutant may keep it from closing.
process.exit(passed ? 0 : 1);
