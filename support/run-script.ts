// Runs one of the project's TypeScript entry points as its own Node process, as npm would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// support/ imports only the packages and itself (tests/packages/import-direction.test.ts): the
// workspace root is where this folder sits.
const projectRoot = resolve(import.meta.dirname, '..');

export function runScript(script: string, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, script), ...args], { cwd: projectRoot });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}

/**
 * Runs a script like `runScript`, and measures its wall time and its peak resident memory (the
 * kernel's high-water mark, VmHWM, read while it runs), for tests that bound both.
 */
export function runScriptMeasured(
  script: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; output: string; wallMs: number; peakRssBytes: number }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, script), ...args], { cwd: projectRoot, env });
    let output = '';
    let peakRssBytes = 0;
    const sample = () => {
      try {
        const kib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peakRssBytes = Math.max(peakRssBytes, kib * 1024);
      } catch {
        // the process has just ended
      }
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      done({ code, output, wallMs: performance.now() - started, peakRssBytes });
    });
  });
}
