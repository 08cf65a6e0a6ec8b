import { startCreatedAnswerServer } from '../bench/support/created-answer-server.ts';
import { responseExamples } from '../tests/support/spec.ts';
import { distinctValidBodies } from '../bench/support/distinct-valid-bodies.ts';
import { validateOffRampRequest } from '../src/index.ts';
import { validateRequestShape, validatePricingSource, validateBankSource } from '../generated/off-ramp-request-validators.js';
import { bankChecksumDetails } from '../src/preflight/bank-checksums.ts';
const server = await startCreatedAnswerServer(responseExamples.FiatAmountToMexico!.value);
const url = `${server.baseUrl}/api/partner/v2/off-ramp`;
const kind = process.argv[2] ?? 'MX';
const bodies = distinctValidBodies(kind, 1000);
const h1 = { 'content-type': 'application/json', 'partner-api-key': 'k' };
const pieces: Record<string, (b: any) => unknown> = {
  shape: b => validateRequestShape(b),
  checksums: b => bankChecksumDetails(b.userBankInformation),
  rules: b => validatePricingSource(b) && validateBankSource(b),
  preflight: b => validateOffRampRequest(b),
  stringify: b => JSON.stringify(b),
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(pieces).map(k => [k, []]));
for (let i = 0; i < 4000; i++) {
  const b = bodies[i % 1000];
  for (const [name, f] of Object.entries(pieces)) { const t = process.hrtime.bigint(); f(b); samples[name]!.push(Number(process.hrtime.bigint() - t)); }
  await (await fetch(url, { method: 'POST', headers: h1, body: JSON.stringify(b) })).json();
}
for (const [name, s] of Object.entries(samples)) { s.sort((a, b) => a - b); console.log(name.padEnd(12), 'p50', s[s.length >> 1], 'p90', s[Math.floor(s.length * .9)]); }
await server.close();
