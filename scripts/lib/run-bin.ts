import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from './generated-dir.ts';

/** Runs a binary of node_modules/.bin from the project root; throws with its output on failure. */
export function runBin(name: string, args: string[]): string {
  return execFileSync(resolve(projectRoot, 'node_modules', '.bin', name), args, {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
