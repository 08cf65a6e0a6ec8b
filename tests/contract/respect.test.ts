// A second, independent runner: Redocly's Arazzo runner (`redocly respect`). The generated
// document runs as it is, with the keys as its inputs; `npm run respect` runs it without giving
// respect any key (through the exchange gate). Both pass every workflow they can send against the
// reference implementation; a wrong server fails; a redirect takes no key anywhere.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { defaultFixturesPath, fixtureSecrets, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { runRespect } from '../../packages/tools/src/contract/run-respect.ts';
import { apiKeyInputName, defaultArazzoPath } from '../../packages/tools/src/contract/scenarios.ts';
import { startReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';
import { responseExamples, scenarios } from '../support/spec.ts';

const work = mkdtempSync(join(tmpdir(), 'off-ramp-respect-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const secrets = fixtureSecrets(loadFixtures(defaultFixturesPath));
const keys = secrets.map((s) => s.value);
const stalled = scenarios.filter((s) => s.stallAfterBytes !== undefined).map((s) => s.name);
const sendable = scenarios.map((s) => s.name).filter((name) => !stalled.includes(name));

type RespectLog = { files: Record<string, { executedWorkflows: { workflowId: string; status: string }[] }> };
const workflowsOf = (path: string) => Object.values((JSON.parse(readFileSync(path, 'utf8')) as RespectLog).files).flatMap((f) => f.executedWorkflows);

async function listen(handler: RequestListener, host = '127.0.0.1') {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, host, done));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}

describe('the generated Arazzo document runs as it is', () => {
  test('redocly respect with the keys as inputs passes every workflow it can send against the reference implementation, keys masked', async () => {
    const reference = await startReferenceServer();
    const jsonOutputPath = join(work, 'as-is.json');
    try {
      const inputs = Object.fromEntries(secrets.map(({ label, value }) => [apiKeyInputName(label.replace('apiKeys.', '')), value]));
      const args = [
        'respect',
        defaultArazzoPath,
        '--server',
        `offRamp=${reference.url}`,
        ...stalled.flatMap((name) => ['--skip', name]),
        '--json-output',
        jsonOutputPath,
      ];
      // Asynchronously: the reference server answers from this process.
      const child = spawn(resolve(projectRoot, 'node_modules/.bin/redocly'), args, {
        cwd: work,
        env: { ...process.env, REDOCLY_CLI_RESPECT_INPUT: JSON.stringify(inputs), REDOCLY_TELEMETRY: 'off' },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const status = await new Promise((done) => child.on('close', done));
      expect(status, output).toBe(0);
      const workflows = workflowsOf(jsonOutputPath);
      expect(workflows.map((w) => w.workflowId).sort()).toEqual([...sendable].sort());
      expect(workflows.filter((w) => w.status !== 'success')).toEqual([]);
      const log = readFileSync(jsonOutputPath, 'utf8');
      for (const key of keys) expect(output + log).not.toContain(key);
      expect(log).toMatch(/"partner-api-key": ?"\*{8}"/);
    } finally {
      await reference.close();
    }
  });
});

describe('npm run respect (runRespect): respect through the exchange gate, holding no key', () => {
  test('passes every workflow but the stalled request against the reference implementation; no key in its output or log', async () => {
    const reference = await startReferenceServer();
    const jsonOutputPath = join(work, 'reference.json');
    try {
      const run = await runRespect({ server: reference.url, jsonOutputPath });
      expect(run.exitCode, run.output).toBe(0);
      expect(run.skipped).toEqual(stalled);
      const workflows = workflowsOf(jsonOutputPath);
      expect(workflows.map((w) => w.workflowId).sort()).toEqual([...sendable].sort());
      expect(workflows.filter((w) => w.status !== 'success')).toEqual([]);
      const log = readFileSync(jsonOutputPath, 'utf8');
      for (const key of keys) expect(run.output + log).not.toContain(key);
      expect(log).not.toContain('partner-api-key');
    } finally {
      await reference.close();
    }
  });

  test('a server that answers every request with the 400 example fails every other workflow', async () => {
    const answer = JSON.stringify(responseExamples.InvalidUserInput!.value);
    const wrong = await listen((request, response) =>
      request.resume().on('end', () => response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(answer)),
    );
    const jsonOutputPath = join(work, 'wrong.json');
    try {
      const run = await runRespect({ server: wrong.url, jsonOutputPath });
      expect(run.exitCode).toBe(1);
      expect(
        workflowsOf(jsonOutputPath)
          .filter((w) => w.status === 'success')
          .map((w) => w.workflowId),
      ).toEqual(['InvalidUserInput']);
    } finally {
      await wrong.close();
    }
  });

  test('a server that redirects every request to another host: every workflow fails, and that host receives nothing', async () => {
    const seen: string[] = [];
    const other = await listen((request, response) => {
      seen.push(JSON.stringify(request.headers));
      request
        .resume()
        .on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(responseExamples.FiatAmountToMexico!.value)));
    }, '127.0.0.2');
    const redirecting = await listen((request, response) =>
      request.resume().on('end', () => response.writeHead(307, { location: `${other.url}/api/partner/v2/off-ramp` }).end()),
    );
    try {
      const run = await runRespect({ server: redirecting.url, jsonOutputPath: join(work, 'redirect.json') });
      expect(run.exitCode).toBe(1);
      expect(workflowsOf(join(work, 'redirect.json')).filter((w) => w.status === 'success')).toEqual([]);
      expect(seen).toEqual([]);
    } finally {
      await redirecting.close();
      await other.close();
    }
  });
});
