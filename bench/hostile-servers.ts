// The runners against hostile servers (npm run bench:hostile): wall time and peak memory of the contract runner (every scenario) and
// the fuzz runner against each hostile server of the tests, with a 2 s deadline per exchange.
// What bounds them: about (cases x deadline) plus start-up, and the 1 MiB answer cap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileBehaviors, startHostileServer } from '../support/hostile-servers.ts';
import { runToolsCommandMeasured } from '../support/run-script.ts';
import { printTable } from './support/table.ts';

const deadlineSeconds = 2;
const fuzzRuns = 20;
const reports = mkdtempSync(join(tmpdir(), 'off-ramp-bench-hostile-'));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

console.log(`bench:hostile: contract runner (all scenarios) and fuzz runner (--runs ${fuzzRuns}), --timeout ${deadlineSeconds}`);
const rows: string[][] = [];
for (const [name, behavior] of hostileBehaviors) {
  const server = await startHostileServer(behavior);
  try {
    const contract = await runToolsCommandMeasured([
      'contract',
      '--server',
      server.url,
      '--timeout',
      String(deadlineSeconds),
      '--report',
      join(reports, 'report.xml'),
    ]);
    const fuzz = await runToolsCommandMeasured([
      'fuzz',
      '--server',
      server.url,
      '--runs',
      String(fuzzRuns),
      '--seed',
      '1',
      '--timeout',
      String(deadlineSeconds),
    ]);
    const cell = (r: typeof contract) => `${r.code}, ${(r.wallMs / 1000).toFixed(1)}, ${mb(r.peakRssBytes)}`;
    rows.push([name, cell(contract), cell(fuzz)]);
  } finally {
    await server.close();
  }
}
rmSync(reports, { recursive: true, force: true });
printTable(['Server', 'contract: exit, wall s, peak MB', 'fuzz: exit, wall s, peak MB'], rows);
