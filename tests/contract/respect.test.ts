// A second, independent runner: Redocly's Arazzo runner (`redocly respect`) runs the generated
// workflows as they are. It passes every workflow it can send against the reference
// implementation, fails against a server that answers wrongly, and no key reaches its output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultFixturesPath, fixtureSecrets, loadFixtures } from '../../src/contract/fixtures.ts';
import { runRespect } from '../../src/contract/run-respect.ts';
import { startReferenceServer } from '../../src/reference/start-reference-server.ts';
import { responseExamples, scenarios } from '../support/spec.ts';

const work = mkdtempSync(join(tmpdir(), 'off-ramp-respect-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const keys = fixtureSecrets(loadFixtures(defaultFixturesPath)).map((s) => s.value);

type RespectLog = { files: Record<string, { executedWorkflows: { workflowId: string; status: string }[] }> };
const workflowsOf = (path: string) => Object.values((JSON.parse(readFileSync(path, 'utf8')) as RespectLog).files).flatMap((f) => f.executedWorkflows);

describe('redocly respect runs the Arazzo scenarios', () => {
  test('every workflow but the stalled request passes against the reference implementation, and no key is printed', async () => {
    const reference = await startReferenceServer();
    const jsonOutputPath = join(work, 'reference.json');
    try {
      const run = await runRespect({ server: reference.url, jsonOutputPath });
      expect(run.exitCode, run.output).toBe(0);
      expect(run.skipped).toEqual(scenarios.filter((s) => s.stallAfterBytes !== undefined).map((s) => s.name));
      const workflows = workflowsOf(jsonOutputPath);
      expect(workflows.map((w) => w.workflowId).sort()).toEqual(scenarios.map((s) => s.name).filter((name) => !run.skipped.includes(name)).sort());
      expect(workflows.filter((w) => w.status !== 'success')).toEqual([]);
      const log = readFileSync(jsonOutputPath, 'utf8');
      for (const key of keys) {
        expect(run.output).not.toContain(key);
        expect(log).not.toContain(key);
      }
      // The keys were sent (masked in the log), so the 401/403 key scenarios met real keys.
      expect(log).toMatch(/"partner-api-key": ?"\*{8}"/);
    } finally {
      await reference.close();
    }
  });

  test('a server that answers every request with the 400 example fails every other workflow', async () => {
    const answer = JSON.stringify(responseExamples.InvalidUserInput!.value);
    const wrong = createServer((request, response) => {
      request.resume().on('end', () => response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(answer));
    });
    await new Promise<void>((done) => wrong.listen(0, '127.0.0.1', done));
    const jsonOutputPath = join(work, 'wrong.json');
    try {
      const run = await runRespect({ server: `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`, jsonOutputPath });
      expect(run.exitCode).toBe(1);
      expect(workflowsOf(jsonOutputPath).filter((w) => w.status === 'success').map((w) => w.workflowId)).toEqual(['InvalidUserInput']);
    } finally {
      wrong.closeAllConnections();
      await new Promise((done) => wrong.close(done));
    }
  });
});
