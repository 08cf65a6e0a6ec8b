// Starts a command that prints "<name>: listening on <url>" once it serves, and resolves that URL;
// rejects with everything it printed if it exits first. For the CLIs' start-and-stop tests.
import { spawn, type SpawnOptions } from 'node:child_process';

export interface ListeningProcess {
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

export function startListeningProcess(command: string, args: string[], options: SpawnOptions = {}): Promise<ListeningProcess> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = () => {
    child.kill('SIGTERM');
    return exit;
  };
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = /^\S+: listening on (http:\/\/[\d.]+:\d+)/m.exec(output);
      if (!ready) return;
      clearInterval(timer);
      resolve({ url: ready[1]!, output: () => output, stop });
    }, 100);
    void exit.then((code) => {
      clearInterval(timer);
      reject(new Error(`${command} ${args.join(' ')} exited (${code}) before it was listening:\n${output}`));
    });
  });
}
