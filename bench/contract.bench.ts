// The contract suite's speed: it runs on every push, so one run should take seconds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../scripts/lib/generated-dir.ts';
import { runContractSuite } from '../packages/tools/src/contract/run-contract-suite.ts';
import { startReferenceServer, type ReferenceServer } from '../packages/tools/src/reference/start-reference-server.ts';
import { benchmark } from './benchmark.ts';

/** Runs a command to completion; fails on a non-zero exit. Output is discarded. */
function command(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: projectRoot, stdio: 'ignore' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program} ${args.join(' ')} exited with ${code}`))));
  });
}

interface ReferenceContext {
  reference: ReferenceServer;
  dir: string;
}
const withReference = async (): Promise<ReferenceContext> => ({ reference: await startReferenceServer(), dir: mkdtempSync(join(tmpdir(), 'off-ramp-bench-')) });
const stopReference = async ({ reference, dir }: ReferenceContext) => {
  await reference.close();
  rmSync(dir, { recursive: true, force: true });
};

export default [
  benchmark({
    name: 'npm run contract against the reference (wall time of the CLI)',
    target: '< 15 s',
    runs: 5,
    setup: withReference,
    run: ({ reference, dir }) => command('npm', ['run', 'contract', '--', '--server', reference.url, '--report', join(dir, 'report.xml')]),
    teardown: stopReference,
  }),
  benchmark({
    name: 'contract run against the reference (in process, runContractSuite)',
    runs: 5,
    setup: withReference,
    run: async ({ reference, dir }) => {
      const run = await runContractSuite({ server: reference.url, reportPath: join(dir, 'report.xml') });
      if (!run.passed) throw new Error('the contract run failed');
    },
    teardown: stopReference,
  }),
  benchmark({
    name: 'npm start (lint:spec, generate, reference + mock, two contract runs)',
    target: '< 45 s',
    runs: 3,
    run: () => command('npm', ['start']),
  }),
];
