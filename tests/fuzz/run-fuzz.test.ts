// `npm run fuzz` end to end: it passes against the reference implementation, and it fails, with a
// shrunk body and a curl line, against servers that answer wrongly.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { defaultFixturesPath, loadFixtures } from '../../packages/tools/src/contract/fixtures.ts';
import { runFuzz } from '../../packages/tools/src/fuzz/run-fuzz.ts';
import { startReferenceServer, type ReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';
import { responseExamples } from '../support/spec.ts';

const spec = loadBundledSpec();
const fixtures = loadFixtures(defaultFixturesPath);
let reference: ReferenceServer;
const broken: Server[] = [];

/** A server that gives every request the same answer. */
async function alwaysAnswering(status: number, body: unknown): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const text = JSON.stringify(body);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(text);
    });
  });
  broken.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  reference = await startReferenceServer();
});
afterAll(async () => {
  await reference.close();
  for (const server of broken) server.close();
});

describe('npm run fuzz', () => {
  test('every generated case passes against the reference implementation (300 valid, 300 invalid)', async () => {
    const report = await runFuzz(spec, { server: reference.url, fixtures, runs: 300, seed: 5 });
    expect(report.positive.failure).toBeUndefined();
    expect(report.negative.failure).toBeUndefined();
    expect(Object.keys(report.negative.byExpectedRow).sort()).toEqual(['BankSourceMissing', 'InvalidUserInput', 'PricingSourceMissing', 'UserIdMissing']);
  });

  test('a server that creates everything fails the invalid bodies, with a shrunk body and a curl line', async () => {
    const server = await alwaysAnswering(201, responseExamples.FiatAmountToMexico!.value);
    const report = await runFuzz(spec, { server, fixtures, runs: 50, seed: 5 });
    const failure = report.negative.failure!;
    expect(failure.deviations.map((d) => d.check)).toContain('status');
    expect(failure.curl).toMatch(/^curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/api\/partner\/v2\/off-ramp'/);
    expect(failure.curl).toContain('$PARTNER_API_KEY');
    // The answer does not echo the generated bodies, so the valid ones fail too.
    expect(report.positive.failure).toBeDefined();
  });

  test('with --check, only the selected checks judge: the always-201 server passes a transaction check on valid bodies, and still fails the status check', async () => {
    const server = await alwaysAnswering(201, responseExamples.FiatAmountToMexico!.value);
    const unselected = await runFuzz(spec, { server, fixtures, runs: 20, seed: 5, checks: ['transaction-payout-country'] });
    expect(unselected.positive.failure).toBeUndefined();
    const selected = await runFuzz(spec, { server, fixtures, runs: 20, seed: 5, checks: ['status'] });
    expect(selected.negative.failure?.deviations.map((d) => d.check)).toEqual(['status']);
    await expect(runFuzz(spec, { server, fixtures, runs: 1, seed: 5, checks: ['nosuch'] })).rejects.toThrow(/No check named nosuch/);
  });

  test('a server that answers 500 fails the valid bodies', async () => {
    const server = await alwaysAnswering(500, { oops: true });
    const report = await runFuzz(spec, { server, fixtures, runs: 20, seed: 5 });
    expect(report.positive.failure?.deviations[0]).toMatchObject({ check: 'status', expected: '201', actual: '500' });
  });
});
