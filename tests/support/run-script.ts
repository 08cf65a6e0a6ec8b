// Runs one of the project's TypeScript entry points as its own Node process, as npm would.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

export function runScript(script: string, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, script), ...args], { cwd: projectRoot });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}
