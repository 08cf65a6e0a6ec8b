// `npm run mock`: the mock (Prism behind the validating front) serves the bundled spec on the port
// asked for, answers a scenario by name, answers a faulty body as the server does, and stops on
// SIGTERM (Prism with it, and a request still arriving cut off); a port in use and a bad port stop
// the start (these two through the built bin, which runs the same module).
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { freePort } from '../../packages/tools/src/prism/free-port.ts';
import { spawnToolsCommand } from '../../support/run-script.ts';
import { postJson } from '../support/post-json.ts';
import { requestExamples, responseExamples } from '../support/spec.ts';
import { postHead, rawConnection, sleep, write } from '../support/raw-socket.ts';

/** The mock command as a developer starts it here (`npm run mock`: the sources through tsx), or as the built bin. */
function startMockCommand(args: string[], via: 'npm run mock' | 'the built bin' = 'npm run mock') {
  const child = spawnToolsCommand('mock', args, { viaNpm: via === 'npm run mock' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

describe('npm run mock (the mock command)', () => {
  test('serves the bundled spec on the given port and stops on SIGTERM', async () => {
    const port = await freePort();
    const mock = startMockCommand(['--port', String(port)]);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const ready = /^mock: listening on (http:\/\/127\.0\.0\.1:\d+)/m.exec(mock.output());
        if (ready) {
          clearInterval(timer);
          resolve(ready[1]!);
        }
      }, 100);
      void mock.exit.then((code) => {
        clearInterval(timer);
        reject(new Error(`npm run mock exited (${code}) before it was ready:\n${mock.output()}`));
      });
    });
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const key = `pk_test_${'k'.repeat(32)}`;
    const reply = await postJson(
      `${url}/api/partner/v2/off-ramp`,
      {},
      { 'partner-api-key': key, Prefer: 'code=404, example=ReceiverNotFound', connection: 'close' },
    );
    // An empty body breaks the spec, so Prism answers with a 400 example (here the first one) and logs the violations.
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(responseExamples.InvalidUserInput!.value);
    expect(mock.output()).toContain('Request did not pass the validation rules');
    // Without Prefer the front answers the fault itself, as the server does. No log line, Prism's or
    // the front's, names a header.
    const unknown = await postJson(
      `${url}/api/partner/v2/off-ramp`,
      { ...requestExamples.FiatAmountToMexico!.value, fiatAmmount: 1 },
      { 'partner-api-key': key, connection: 'close' },
    );
    expect([unknown.status, unknown.body.error.details]).toEqual([400, [{ path: '/fiatAmmount', message: 'is not allowed' }]]);
    await expect.poll(() => mock.output()).toContain('mock: POST off-ramp -> 400 INVALID_USER_INPUT_ERROR (front)');
    expect(mock.output()).not.toContain(key);
    // A request still arriving (headers, half the body) is cut off by the signal, not waited for.
    const stalled = rawConnection(url);
    await write(stalled.socket, postHead(100));
    await write(stalled.socket, '{"userId":');
    await sleep(200);
    mock.child.kill('SIGTERM');
    expect(await mock.exit).toBe(0);
    expect((await stalled.reply).statuses).toEqual([]);
    expect(
      await fetch(url).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');
    // Prism, on its internal port, stopped too.
    const prismUrl = /Prism is listening on (http:\/\/\S+)/.exec(mock.output())![1]!;
    expect(prismUrl).not.toBe(url);
    expect(
      await fetch(prismUrl).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');
  });

  test('a port in use stops the start with one line and exit 2 (could not start), and stops Prism too', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      // The bin runs the same module as `npm run mock`, without compiling the sources first.
      const mock = startMockCommand(['--port', String((taken.address() as AddressInfo).port)], 'the built bin');
      expect(await mock.exit).toBe(2);
      expect(mock.output()).toMatch(/^mock: cannot start: .*EADDRINUSE/m);
      const prismUrl = /Prism is listening on (http:\/\/\S+)/.exec(mock.output())![1]!;
      expect(
        await fetch(prismUrl).then(
          () => 'answered',
          () => 'refused',
        ),
      ).toBe('refused');
    } finally {
      taken.close();
    }
  });

  test('a bad --port is a usage error (exit 2)', async () => {
    const mock = startMockCommand(['--port', 'eighty'], 'the built bin');
    expect(await mock.exit).toBe(2);
    expect(mock.output()).toContain('--port must be a number from 0 to 65535, not eighty');
  });
});
