// `npm run reference` (the signal tests run it through npm, the others run the same command of the
// built bin):
// one ready line on stdout, requests served, a clean exit 0 on SIGTERM and
// SIGINT, a usage error for bad options, and a custom fixtures file seeding the state.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { requestExamples } from '../support/spec.ts';
import { fixtures, send } from '../support/reference-http.ts';
import { spawnToolsCommand } from '../../support/run-script.ts';
import { postHead, rawConnection, sleep, write } from '../support/raw-socket.ts';

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The reference command of the built bin, or with `viaNpm` `npm run -s reference -- <args>`. */
const spawnCli = (args: string[], options: { viaNpm?: boolean } = {}) => spawnToolsCommand('reference', args, options);

/** Starts the CLI and waits for the ready line. */
function startCli(args: string[], options: { viaNpm?: boolean } = {}): Promise<Running> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const ready = /^reference: listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (ready) resolve({ child, url: ready[1]!, stdout: () => stdout, stderr: () => stderr, exit });
    });
    void exit.then(({ code }) => reject(new Error(`the CLI exited (${code}) before it was ready: ${stderr}`)));
  });
}

const quoted = requestExamples.QuoteWithSavedBank!.value;

describe('npm run reference', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('prints one ready line, serves, and exits 0 on %s', async (signal) => {
    const cli = await startCli(['--port', '0'], { viaNpm: true });
    const reply = await send(cli.url, { body: quoted, headers: { connection: 'close' } });
    expect(reply.status).toBe(201);
    cli.child.kill(signal);
    expect(await cli.exit).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/^reference: listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(cli.stderr()).toBe('');
  });

  test('a signal stops it at once: a request still arriving is cut off, not waited for', async () => {
    const cli = await startCli(['--port', '0']);
    const stalled = rawConnection(cli.url);
    // The headers and half the body, then nothing: the server would wait 10 s, then answer 408.
    await write(stalled.socket, postHead(100));
    await write(stalled.socket, '{"userId":');
    await sleep(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exit).toEqual({ code: 0, signal: null });
    const reply = await stalled.reply;
    expect(reply.statuses).toEqual([]); // closed without an answer: no 408 after the request timeout
  });

  test('a bad --port is a usage error (exit 2)', async () => {
    const child = spawnCli(['--port', 'eighty']);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a number from 0 to 65535, not eighty');
  });

  test('--fixtures seeds the state from another file (a partner can point the suite at its own ids)', async () => {
    const custom = structuredClone(fixtures);
    custom.apiKeys.valid = `pk_live_${'C'.repeat(32)}`;
    custom.users.verified = '11111111-2222-4333-8444-555555555555';
    custom.quotes.valid = '66666666-7777-4888-9999-aaaaaaaaaaaa';
    custom.bankInformation.owned = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
    const file = join(mkdtempSync(join(tmpdir(), 'reference-fixtures-')), 'fixtures.json');
    writeFileSync(file, JSON.stringify(custom));
    const cli = await startCli(['--port', '0', '--fixtures', file]);
    try {
      const body = { userId: custom.users.verified, quoteId: custom.quotes.valid, userBankInformationId: custom.bankInformation.owned };
      const mine = await send(cli.url, { body, headers: { 'partner-api-key': custom.apiKeys.valid, connection: 'close' } });
      expect(mine.status, mine.text).toBe(201);
      const oldKey = await send(cli.url, { body, headers: { 'partner-api-key': fixtures.apiKeys.valid, connection: 'close' } });
      expect([oldKey.status, oldKey.json.error.message]).toEqual([401, 'Invalid API Key']);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exit;
    }
  });

  test('a port in use stops the start with one line and exit 2 (could not start)', async () => {
    const first = await startCli(['--port', '0']);
    const port = new URL(first.url).port;
    try {
      const child = spawnCli(['--port', port]);
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
      expect(stderr).toBe(`reference: cannot start: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`);
    } finally {
      first.child.kill('SIGTERM');
      await first.exit;
    }
  });

  test('a fixtures file that lacks entries stops the start with the list of them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reference-fixtures-')), 'fixtures.json');
    writeFileSync(file, JSON.stringify({ ...fixtures, quotes: { valid: 'not-a-uuid' } }));
    await expect(startCli(['--port', '0', '--fixtures', file])).rejects.toThrow(
      /quotes\.valid is not a string matching .*quotes\.expired is missing; quotes\.onRamp is missing/s,
    );
  });
});
