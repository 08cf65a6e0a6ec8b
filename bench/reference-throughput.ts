// The reference implementation's throughput (npm run bench:reference): requests per second and latency of the reference implementation,
// for a created transaction (quote and explicit pricing), a stateful error and a schema error.
// The server runs in its own process (as `npm run reference` does), autocannon in this one.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../scripts/lib/generated-dir.ts';
import { printTable } from './support/table.ts';
import { contractScenarios } from '../packages/tools/src/contract/scenarios.ts';
import { loadBundledSpec } from '../packages/tools/src/spec/spec-schemas.ts';
import { apiKeyHeader, offRampPath } from '../packages/client/generated/protocol.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 16;

const spec = loadBundledSpec();
// Each case's body is its scenario's request (the Arazzo workflows hold the invalid ones too).
const scenarios = contractScenarios(spec);
const example = (name: string) => {
  const scenario = scenarios.find((s) => s.name === name);
  if (!scenario) throw new Error(`No scenario ${name}`);
  return scenario.requestBody;
};
const fixtures = (await import(resolve(projectRoot, 'packages/tools/fixtures/contract-fixtures.json'), { with: { type: 'json' } })).default as {
  apiKeys: { valid: string };
};

const cases: [string, unknown][] = [
  ['201 quote + saved bank', example('QuoteWithSavedBank')],
  ['201 explicit + inline CLABE', example('FiatAmountToMexico')],
  ['400 receiver not verified (stateful)', example('ReceiverNotVerified')],
  ['400 invalid CLABE (schema)', example('InvalidUserInput')],
];

const server = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'packages/tools/src/reference/cli.ts'), '--port', '0'], {
  cwd: projectRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((ready) =>
  server.stdout!.on('data', (chunk: Buffer) => /listening on (\S+)/.test(String(chunk)) && ready(/listening on (\S+)/.exec(String(chunk))![1]!)),
);

const run = (body: unknown, duration: number) =>
  autocannon({
    url: `${url}${offRampPath}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', [apiKeyHeader]: fixtures.apiKeys.valid },
    body: JSON.stringify(body),
    connections,
    duration,
  });
// A discarded second per case first, so that no case pays for the JIT warming up.
for (const [, body] of cases) await run(body, 1);
console.log(`bench:reference: ${connections} connections, ${seconds} s per case, server at ${url}`);
const rows: (string | number)[][] = [];
for (const [name, body] of cases) {
  const result = await run(body, seconds);
  rows.push([name, Math.round(result.requests.average), result.latency.p50, result.latency.p99, result['5xx'] + result.errors + result.timeouts]);
}
printTable(['Case', 'Requests/s', 'p50 ms', 'p99 ms', '5xx, errors, timeouts'], rows);
server.kill('SIGTERM');
