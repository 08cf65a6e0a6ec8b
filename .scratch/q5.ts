import { startCreatedAnswerServer } from '../bench/support/created-answer-server.ts';
import { responseExamples } from '../tests/support/spec.ts';
import { distinctValidBodies } from '../bench/support/distinct-valid-bodies.ts';
import { median } from '../bench/support/print-table.ts';
import { createOffRampClient, validateOffRampRequest } from '../src/index.ts';
let pfTime = 0n, pfCount = 0; const pfs: number[] = [];
const server = await startCreatedAnswerServer(responseExamples.FiatAmountToMexico!.value);
const url = `${server.baseUrl}/api/partner/v2/off-ramp`;
const bodies = distinctValidBodies('MX', 1000);
const key = 'pk';
const h1 = { 'content-type': 'application/json', 'partner-api-key': key };
const h2 = { accept: 'application/json', 'content-type': 'application/json', 'partner-api-key': key };
const client = createOffRampClient({ baseUrl: server.baseUrl, apiKey: key });
const variants: [string, (b: any) => Promise<unknown>][] = [
  ['raw', async b => (await fetch(url, { method: 'POST', headers: h1, body: JSON.stringify(b) })).json()],
  ['raw+accept', async b => (await fetch(url, { method: 'POST', headers: h2, body: JSON.stringify(b) })).json()],
  ['raw+signal undef', async b => (await fetch(url, { method: 'POST', headers: h1, body: JSON.stringify(b), signal: undefined })).json()],
  ['raw text+parse', async b => JSON.parse(await (await fetch(url, { method: 'POST', headers: h1, body: JSON.stringify(b) })).text())],
  ['client no preflight', b => client.createOffRamp(b, { preflight: false })],
  ['client', b => client.createOffRamp(b)],
  ['preflight+raw', async b => { const t = process.hrtime.bigint(); validateOffRampRequest(b); const d = process.hrtime.bigint() - t; pfTime += d; pfCount++; pfs.push(Number(d)); return (await fetch(url, { method: 'POST', headers: h1, body: JSON.stringify(b) })).json(); }],
];
let n = 0;
async function sample(f: (b: any) => Promise<unknown>) { const t = process.hrtime.bigint(); for (let i = 0; i < 100; i++) await f(bodies[n++ % 1000]); return Number(process.hrtime.bigint() - t) / 1e5; }
for (const [, f] of variants) for (let i = 0; i < 5; i++) await sample(f);
const ratios = variants.map(() => [] as number[]);
for (let r = 0; r < 31; r++) { const t: number[] = []; for (let k = 0; k < variants.length; k++) { const i = (k + r) % variants.length; t[i] = await sample(variants[i]![1]); } t.forEach((x, i) => ratios[i]!.push(x / t[0]!)); }
variants.forEach(([name], i) => console.log(name.padEnd(24), median(ratios[i]!).toFixed(3)));
pfs.sort((a,b)=>a-b); console.log('preflight ns avg', Number(pfTime) / pfCount, 'p50', pfs[pfs.length>>1], 'p90', pfs[Math.floor(pfs.length*0.9)], 'p99', pfs[Math.floor(pfs.length*0.99)]);
await server.close();
