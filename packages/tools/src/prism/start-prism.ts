// Starts Prism (the pinned @stoplight/prism-cli) on the bundled spec, as a mock or as a validating
// proxy, on 127.0.0.1 and a free port; resolves once Prism says it is listening.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledSpecPath } from '../spec/contract-files.ts';
import { freePort } from './free-port.ts';

export type PrismMode = { mode: 'mock' } | { mode: 'proxy'; upstream: string };

export type PrismOptions = PrismMode & {
  /** Port to listen on; absent or 0 picks a free one. */
  port?: number;
  host?: string;
  specPath?: string;
  /** Where Prism's (verbose) log goes: a file (default under dist/prism/), or 'inherit' for this terminal. */
  log?: string | 'inherit';
  /** Proxy only: also validate requests (Prism's default). */
  validateRequest?: boolean;
  startTimeoutMs?: number;
};

export interface PrismServer {
  url: string;
  /** The log file, or 'inherit'. */
  log: string;
  close(): Promise<void>;
}

const prismEntry = resolve(dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
/** Loaded before Prism: SIGTERM ends it through process.exit (so that Node writes its compile cache). */
const prismPreload = resolve(dirname(fileURLToPath(import.meta.url)), 'prism-preload.cjs');
/** Node's header limit for Prism (and the mock's front): 64 KiB. */
export const prismMaxHeaderBytes = 64 * 1024;
const listeningLine = /Prism is listening on (http:\/\/\S+)/;

// A free port is only free when it is picked: another process may take it before Prism binds it.
const freePortAttempts = 3;
const portTaken = /EADDRINUSE/;

export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.port) return startPrismOn(options, host, options.port);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrismOn(options, host, await freePort(host));
    } catch (error) {
      if (attempt >= freePortAttempts || !portTaken.test((error as Error).message)) throw error;
    }
  }
}

async function startPrismOn(options: PrismOptions, host: string, port: number): Promise<PrismServer> {
  const spec = options.specPath ?? bundledSpecPath;
  const args =
    options.mode === 'mock'
      ? ['mock', spec]
      : ['proxy', spec, options.upstream, '--errors', ...(options.validateRequest === false ? ['--validate-request=false'] : [])];
  const log = options.log ?? resolve('dist', 'prism', `${options.mode}-${port}.log`);

  // Node's HTTP server refuses headers over 16 KiB with a bare 431 before Prism sees them; the
  // spec's RequestHeadersTooLarge scenario sends 20 KB of headers, which Prism must get to answer.
  const nodeOptions = [`--max-http-header-size=${prismMaxHeaderBytes}`];
  const child = spawn(process.execPath, [...nodeOptions, '--require', prismPreload, prismEntry, ...args, '-h', host, '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let logStream: ReturnType<typeof createWriteStream> | undefined;
  if (log === 'inherit') {
    child.stdout.pipe(process.stdout, { end: false });
    child.stderr.pipe(process.stderr, { end: false });
  } else {
    mkdirSync(dirname(log), { recursive: true });
    logStream = createWriteStream(log);
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
  }
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    await new Promise<void>((done) => (logStream ? logStream.end(done) : done()));
  };

  const logTail = () => (log === 'inherit' ? '' : `\n${readFileSync(log, 'utf8').split('\n').slice(-15).join('\n')}`);
  const ready = await new Promise<string | Error>((settle) => {
    const timer = setTimeout(
      () => settle(new Error(`Prism ${options.mode} did not start within ${options.startTimeoutMs ?? 60_000} ms`)),
      options.startTimeoutMs ?? 60_000,
    );
    void exited.then((code) => {
      clearTimeout(timer);
      settle(new Error(`Prism ${options.mode} exited with code ${code} before listening`));
    });
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-2_000);
      const match = listeningLine.exec(seen);
      if (match) {
        clearTimeout(timer);
        settle(match[1]!);
      }
    });
  });
  if (ready instanceof Error) {
    await close();
    throw new Error(`${ready.message}; its log (${log}):${logTail()}`);
  }
  return { url: ready, log, close };
}
