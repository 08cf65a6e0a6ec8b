// `npm run mock`: Prism serves the bundled spec on the port asked for, answers a scenario by name,
// and stops on SIGTERM; a bad port is a usage error.
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { freePort } from '../../src/prism/free-port.ts';
import { postJson } from '../support/post-json.ts';
import { responseExamples } from '../support/spec.ts';

function npmRunMock(args: string[]) {
  const child = spawn('npm', ['run', '-s', 'mock', '--', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

describe('npm run mock', () => {
  test('serves the bundled spec on the given port and stops on SIGTERM', async () => {
    const port = await freePort();
    const mock = npmRunMock(['--port', String(port)]);
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
    const reply = await postJson(`${url}/api/partner/v2/off-ramp`, {}, { 'partner-api-key': 'any', Prefer: 'code=404, example=ReceiverNotFound', connection: 'close' });
    // An empty body breaks the spec, so Prism answers with a 400 example (here the first one) and logs the violations.
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(responseExamples.InvalidUserInput!.value);
    expect(mock.output()).toContain('Request did not pass the validation rules');
    mock.child.kill('SIGTERM');
    expect(await mock.exit).toBe(0);
    expect(await fetch(url).then(() => 'answered', () => 'refused')).toBe('refused');
  });

  test('a bad --port is a usage error (exit 2)', async () => {
    const mock = npmRunMock(['--port', 'eighty']);
    expect(await mock.exit).toBe(2);
    expect(mock.output()).toContain('--port must be a number from 0 to 65535, not eighty');
  });
});
