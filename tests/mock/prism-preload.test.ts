// Prism runs with a preload (prism-preload.cjs) through which SIGTERM ends it by process.exit:
// only then does Node write its compile cache (NODE_COMPILE_CACHE), which the next start reads.
// That startPrism passes it to Prism is checked where Prisms run (prism-proxy-target.test.ts).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

const preload = resolve(projectRoot, 'packages/tools/src/prism/prism-preload.cjs');
const work = mkdtempSync(join(tmpdir(), 'off-ramp-prism-preload-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A Node process that loads a module, says so, and waits; stopped by SIGTERM. */
async function stoppedBySigterm(preloads: string[], cache: string) {
  const child = spawn(process.execPath, [...preloads, '-e', "require('node:util'); require('yaml'); console.log('ready'); setInterval(() => {}, 1000);"], {
    cwd: projectRoot,
    env: { ...process.env, NODE_COMPILE_CACHE: cache },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout, 'data');
  child.kill('SIGTERM');
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  // Node makes the cache's folder when it starts; the files are what it writes at exit.
  const files = readdirSync(cache, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return { code, signal, cached: files.length > 0 };
}

describe("Prism's preload", () => {
  test('SIGTERM ends the process through process.exit (143), and Node writes its compile cache', async () => {
    expect(await stoppedBySigterm(['--require', preload], mkdtempSync(join(work, 'cache-')))).toEqual({ code: 143, signal: null, cached: true });
  });

  test('without it, the signal ends the process and nothing is written (what the preload is for)', async () => {
    expect(await stoppedBySigterm([], mkdtempSync(join(work, 'cache-')))).toEqual({ code: null, signal: 'SIGTERM', cached: false });
  });
});
