// Preflight throughput against a bare Ajv validator of the same schema (OffRampRequest, Ajv
// defaults, compiled at run time), on distinct valid bodies of each kind and on invalid ones.
// The preflight does more than the schema (CLABE, ABA, IBAN checks; catalog answers), so the
// ratio shows what that costs. Target: at least 80% of the bare validator's throughput.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadBundledSpec, schemasId, toJsonSchemaDocument } from '../../packages/tools/src/spec/spec-schemas.ts';
import { validateOffRampRequest } from '../../packages/client/src/index.ts';
import { bodyKinds, distinctValidBodies } from './support/distinct-valid-bodies.ts';
import { median, printTable } from '../support/table.ts';

const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);
ajv.addSchema(toJsonSchemaDocument(loadBundledSpec()));
const bare = ajv.getSchema(`${schemasId}#/$defs/OffRampRequest`)!;
// The same, collecting every error as the preflight must (for its `details`): context for invalid bodies.
const allErrorsAjv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(allErrorsAjv);
allErrorsAjv.addSchema(toJsonSchemaDocument(loadBundledSpec()));
const bareAllErrors = allErrorsAjv.getSchema(`${schemasId}#/$defs/OffRampRequest`)!;

const perKind = 2_000;
const rounds = 31;

/** One timed pass of `check` over `bodies`, in operations per second. */
function passRate(check: (body: unknown) => unknown, bodies: unknown[]): number {
  const started = process.hrtime.bigint();
  for (const body of bodies) check(body);
  return bodies.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Medians over `rounds` rounds; each round times both, in alternating order, so drift hits both alike. */
function compare(bodies: unknown[]) {
  const bareRates: number[] = [];
  const preflightRates: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0;
    const bareFirst = first ? passRate(bare, bodies) : 0;
    const preflightRate = passRate(validateOffRampRequest, bodies);
    const bareRate = first ? bareFirst : passRate(bare, bodies);
    bareRates.push(bareRate);
    preflightRates.push(preflightRate);
    ratios.push(preflightRate / bareRate);
  }
  return { bare: median(bareRates), preflight: median(preflightRates), ratio: median(ratios) };
}

const pools: [string, unknown[]][] = bodyKinds.map((kind) => [`valid: ${kind}`, distinctValidBodies(kind, perKind)]);
pools.push(['valid: all kinds mixed', pools.flatMap(([, bodies]) => bodies).sort(() => Math.random() - 0.5)]);
const mixed = pools.at(-1)![1] as Record<string, unknown>[];
pools.push([
  'invalid: fiatAmount a string',
  mixed.map((body) => ({
    ...body,
    fiatAmount: '1500',
    cryptoAmount: undefined,
    quoteId: undefined,
    fiatCurrency: 'MXN',
    blockchainSymbol: 'POL',
    tokenSymbol: 'USDC',
  })),
]);
pools.push([
  'invalid: both bank sources',
  mixed.map((body) => ({
    ...body,
    userBankInformationId: crypto.randomUUID(),
    userBankInformation: { country: 'MX', accountIdentifier: '012180012345678909' },
  })),
]);

for (const [name, bodies] of pools) {
  const expected = name.startsWith('valid');
  if (!bodies.every((body) => bare(body) === expected && validateOffRampRequest(body).ok === expected))
    throw new Error(`bench: not every body of "${name}" is ${expected ? 'valid' : 'invalid'}`);
}
// Warm-up, so both are optimized before timing.
for (const [, bodies] of pools)
  for (let i = 0; i < 3; i++)
    for (const body of bodies) {
      bare(body);
      validateOffRampRequest(body);
    }

console.log(
  `Preflight throughput vs bare Ajv (medians of ${rounds} alternating passes over ${perKind} distinct bodies per kind, Node ${process.versions.node})`,
);
printTable(
  ['bodies', 'bare Ajv (ops/s)', 'preflight (ops/s)', 'preflight / bare (median of ratios)', 'bare Ajv, allErrors (ops/s)'],
  pools.map(([name, bodies]) => {
    const { bare: bareRate, preflight: preflightRate, ratio } = compare(bodies);
    const allErrorsRate = median(Array.from({ length: 11 }, () => passRate(bareAllErrors, bodies)));
    const format = (rate: number) => Math.round(rate).toLocaleString('en');
    return [name, format(bareRate), format(preflightRate), `${(ratio * 100).toFixed(0)}%`, format(allErrorsRate)];
  }),
);
