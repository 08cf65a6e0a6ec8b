// Runs the project's entry points as their own Node processes, as people run them: a TypeScript
// script of the repository through tsx (as npm runs it), or a command of the tools' bin as it is
// built and installed (packages/tools/dist, plain JavaScript: no TypeScript loader, no esbuild
// process beside each run). The test run's global setup builds dist/ from the current sources.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';

// support/ imports only the packages and itself (tests/packages/import-direction.test.ts): the
// workspace root is where this folder sits.
const projectRoot = resolve(import.meta.dirname, '..');

/** The tools package's bin as built: `off-ramp-contract <command> [options]`. */
export const toolsBin = resolve(projectRoot, 'packages', 'tools', 'dist', 'cli', 'off-ramp-contract.js');

/**
 * Starts a command of the tools' bin, its output piped: as built (the default), or with
 * `viaNpm` as a developer starts it here (`npm run -s <command> -- <args>`: the sources through tsx).
 */
export function spawnToolsCommand(command: string, args: string[], { viaNpm = false } = {}): ChildProcessByStdio<null, Readable, Readable> {
  const [file, prefix] = viaNpm ? ['npm', ['run', '-s', command, '--']] : [process.execPath, [toolsBin, command]];
  return spawn(file, [...prefix, ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ScriptRun {
  code: number | null;
  /** Standard output and standard error, interleaved as they came. */
  output: string;
}

export interface MeasuredRun extends ScriptRun {
  wallMs: number;
  /** The kernel's high-water mark of the process' resident memory (VmHWM), read while it runs. */
  peakRssBytes: number;
}

/** A TypeScript entry point of the repository (e.g. `scripts/start.ts`), run through tsx. */
export function runScript(script: string, args: string[] = []): Promise<ScriptRun> {
  return runNode(['--import', 'tsx', resolve(projectRoot, script), ...args]);
}

/** `off-ramp-contract <args>`, the built bin. */
export function runToolsCommand(args: string[]): Promise<ScriptRun> {
  return runNode([toolsBin, ...args]);
}

/** `off-ramp-contract <args>` like `runToolsCommand`, measuring its wall time and peak memory, for tests that bound both. */
export function runToolsCommandMeasured(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<MeasuredRun> {
  return runNode([toolsBin, ...args], { env, measure: true }) as Promise<MeasuredRun>;
}

function runNode(args: string[], { env = process.env, measure = false } = {}): Promise<ScriptRun | MeasuredRun> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: projectRoot, env });
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
    const timer = measure ? setInterval(sample, 50) : undefined;
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    if (measure) child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      done(measure ? { code, output, wallMs: performance.now() - started, peakRssBytes } : { code, output });
    });
  });
}

export interface CommandsTogether {
  /** Each command's exit code (null if it threw), its output (both streams), its wall time. */
  results: { code: number | null; output: string; wallMs: number }[];
  /** The peak resident memory of the one process that ran them all. */
  peakRssBytes: number;
}

/**
 * Runs commands of the tools' bin, a few at a time, in one separate Node process (support/run-commands-together.ts),
 * as the functions the bin runs; resolves with each one's result, in the order given.
 */
export function runToolsCommandsTogether(commands: { command: 'contract' | 'fuzz'; args: string[] }[]): Promise<CommandsTogether> {
  return runNode(['--import', 'tsx', resolve(projectRoot, 'support', 'run-commands-together.ts'), JSON.stringify(commands)]).then(({ code, output }) => {
    const line = output.split('\n').find((text) => text.startsWith('{"results":'));
    if (code !== 0 || !line) throw new Error(`run-commands-together exited ${code}:\n${output}`);
    return JSON.parse(line) as CommandsTogether;
  });
}
