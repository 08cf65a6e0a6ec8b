// Vitest global setup: the environment of every test file and of every process a test starts.
// - TMPDIR: a folder of this run, on the machine's RAM-backed file system (/dev/shm) when it has
//   one. The tests write tens of thousands of small files there (the consumer projects' installs
//   alone write 16,000), which cost a third of the system time on tmpfs that they cost on disk.
//   Removed when the run ends.
// - NODE_COMPILE_CACHE: Node keeps the code it compiles for each module there, so that the many
//   processes the tests start (the bin, Dredd, Prism, Redocly, tsc, npm) compile each module once
//   instead of once per process. It lives beside the installed packages (npm ci starts it afresh),
//   not in the run's folder: workers that end after the run write to it as they exit.
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

const ramBacked = '/dev/shm';

function writableFolder(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export default function setUpTestEnvironment(): () => void {
  const base = writableFolder(ramBacked) ? ramBacked : tmpdir();
  const runDir = mkdtempSync(join(base, 'off-ramp-tests-'));
  process.env.TMPDIR = runDir;
  process.env.NODE_COMPILE_CACHE = join(projectRoot, 'node_modules', '.cache', 'node-compile-cache');
  return () => rmSync(runDir, { recursive: true, force: true });
}
