// Client overhead per request against raw fetch, on the same local server (201 answers):
// createOffRamp with and without preflight, and openapi-fetch's POST for reference.
// Target: createOffRamp (preflight included) within 10% of raw fetch per request.
import createClient from 'openapi-fetch';
import type { paths } from '../../packages/client/generated/schema.ts';
import { createOffRampClient } from '../../packages/client/src/index.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { distinctValidBodies } from './support/distinct-valid-bodies.ts';
import { startCreatedAnswerServer } from './support/created-answer-server.ts';
import { median, printTable } from '../support/table.ts';
import { apiKeyHeader, offRampPath } from '../../packages/client/generated/protocol.ts';

const apiKey = 'pk_bench_0123456789abcdef';
const server = await startCreatedAnswerServer(loadBundledSpec().components.examples.FiatAmountToMexicoResponse!.value);
const url = `${server.baseUrl}${offRampPath}`;
const bodies = distinctValidBodies('MX', 1_000);

const client = createOffRampClient({ baseUrl: server.baseUrl, apiKey });
const openapiFetch = createClient<paths>({ baseUrl: server.baseUrl, headers: { [apiKeyHeader]: apiKey } });

type Variant = [name: string, send: (body: (typeof bodies)[number]) => Promise<unknown>];
const variants: Variant[] = [
  [
    'raw fetch (stringify, POST, read JSON)',
    async (body) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [apiKeyHeader]: apiKey },
        body: JSON.stringify(body),
      });
      return response.json();
    },
  ],
  ['createOffRamp, preflight on (default)', async (body) => assertOk(await client.createOffRamp(body))],
  ['createOffRamp, preflight off', async (body) => assertOk(await client.createOffRamp(body, { preflight: false }))],
  ['openapi-fetch POST (reference)', async (body) => (await openapiFetch.POST(offRampPath, { body })).data],
];

function assertOk(result: { ok: boolean }) {
  if (!result.ok) throw new Error(`bench: expected a 201, got ${JSON.stringify(result)}`);
  return result;
}

const perSample = 100;
const rounds = 61;
let next = 0;
/** Mean wall-clock and client CPU microseconds per request over `perSample` sequential requests. */
async function sample(send: Variant[1]): Promise<{ wall: number; cpu: number }> {
  // Start each sample without garbage left by the previous variant (run with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < perSample; i++) await send(bodies[next++ % bodies.length]!);
  const wall = Number(process.hrtime.bigint() - started) / 1e3 / perSample;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / perSample };
}

for (const [, send] of variants) for (let i = 0; i < 5; i++) await sample(send); // warm-up
// Each round runs every variant once, in a shuffled order; ratios are taken within a round.
const wallTimes = variants.map(() => [] as number[]);
const wallRatios = variants.map(() => [] as number[]);
const cpuTimes = variants.map(() => [] as number[]);
const cpuRatios = variants.map(() => [] as number[]);
for (let round = 0; round < rounds; round++) {
  const roundSamples: { wall: number; cpu: number }[] = [];
  const order = variants.map((_, index) => index).sort(() => Math.random() - 0.5);
  for (const index of order) roundSamples[index] = await sample(variants[index]![1]);
  roundSamples.forEach(({ wall, cpu }, index) => {
    wallTimes[index]!.push(wall);
    wallRatios[index]!.push(wall / roundSamples[0]!.wall);
    cpuTimes[index]!.push(cpu);
    cpuRatios[index]!.push(cpu / roundSamples[0]!.cpu);
  });
}
await server.close();

console.log(
  `Client overhead per request (${rounds} rounds x ${perSample} sequential requests per variant, distinct MX bodies, server in a child process, Node ${process.versions.node})`,
);
printTable(
  ['variant', 'wall µs / request', 'wall vs raw fetch', 'client CPU µs / request', 'CPU vs raw fetch'],
  variants.map(([name], index) => [
    name,
    median(wallTimes[index]!).toFixed(1),
    `${median(wallRatios[index]!).toFixed(3)}×`,
    median(cpuTimes[index]!).toFixed(1),
    `${median(cpuRatios[index]!).toFixed(3)}×`,
  ]),
);
console.log('Medians; ratios are medians of per-round ratios. Wall time includes the server (another process); client CPU is this process only.');
