// The corpus of the validator-agreement tests: request bodies (generated with a fixed seed, their
// targeted mutations, hostile keys and formats on the edge) and response bodies (every response
// example of the spec and its mutations), each with the component schema it is judged against.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { validOffRampRequest } from '../../packages/tools/src/fuzz/request-arbitraries.ts';
import { applicableMutations } from '../../packages/tools/src/fuzz/request-mutations.ts';
import { requestExamples, responseExamples } from './spec.ts';

type Body = Record<string, any>;
export interface CorpusCase {
  schemaName: string;
  label: string;
  body: unknown;
}

const fixtures = JSON.parse(readFileSync(resolve(projectRoot, 'packages/tools/fixtures/contract-fixtures.json'), 'utf8'));
const prototypeNames = ['valueOf', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
/** A copy of `body` with an own property `name` (JSON.parse makes even `__proto__` an own property). */
const withOwnKey = (body: unknown, name: string): Body => JSON.parse(JSON.stringify(body).replace('{', `{${JSON.stringify(name)}:1,`));

const uuidEdges = (uuid: string) => [uuid.toUpperCase(), uuid.replaceAll('-', ''), `{${uuid}}`, `urn:uuid:${uuid}`, `${uuid} `, uuid.slice(0, -1)];
const dateTimeEdges = [
  '2026-03-01T12:00:00Z',
  '2026-03-01t12:00:00z',
  '2026-03-01T12:00:00+00:00',
  '2026-03-01T12:00:00-00:00',
  '2016-12-31T23:59:60Z',
  '2026-03-01T23:59:60Z',
  '2026-03-01T12:00:00.123456Z',
  '2026-03-01 12:00:00Z',
  '2026-03-01T12:00Z',
  '2026-02-30T12:00:00Z',
  '2026-03-01T24:00:00Z',
  '2026-03-01T12:00:00+0000',
  '2026-03-01T12:00:00',
];

function requestCases(): CorpusCase[] {
  const generated = fc.sample(validOffRampRequest(fixtures), { seed: 20261202, numRuns: 120 });
  const bodies: [string, unknown][] = [];
  for (const [index, body] of generated.entries()) {
    bodies.push([`generated #${index}`, body]);
    for (const { mutation, body: mutated } of applicableMutations(body)) bodies.push([`generated #${index}: ${mutation.name}`, mutated]);
  }
  for (const [name, example] of Object.entries(requestExamples)) {
    bodies.push([`example ${name}`, example.value]);
    for (const key of prototypeNames) bodies.push([`example ${name} + own key ${key}`, withOwnKey(example.value, key)]);
    if (example.value.userBankInformation)
      for (const key of prototypeNames)
        bodies.push([`example ${name} + bank key ${key}`, { ...example.value, userBankInformation: withOwnKey(example.value.userBankInformation, key) }]);
    if (typeof example.value.userId === 'string')
      for (const edge of uuidEdges(example.value.userId)) bodies.push([`example ${name} userId ${edge}`, { ...example.value, userId: edge }]);
  }
  return bodies.map(([label, body]) => ({ schemaName: 'OffRampRequest', label, body }));
}

const otherWallet = (data: Body) => (data.blockchainSymbol === 'SOL' ? `0x${'ab'.repeat(20)}` : '7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV');
const bankBranches: Body[] = [
  { country: 'MX', accountIdentifier: '012180012345678909', isVerified: false },
  {
    country: 'DO',
    accountIdentifier: '1234567890',
    bankName: 'Banco Popular',
    accountType: 'SAVINGS',
    documentIdentifier: '00112345678',
    documentType: 'CEDULA',
    isVerified: true,
  },
  { country: 'US', accountIdentifier: '123456789', bankName: 'Chase', routingNumber: '021000021', isVerified: true },
  { country: 'DE', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank', isVerified: true },
];

function responseCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const [name, { schemaName, value }] of Object.entries(responseExamples)) {
    const add = (label: string, body: unknown) => cases.push({ schemaName, label: `${name}: ${label}`, body });
    add('as in the spec', value);
    for (const key of prototypeNames) add(`own key ${key}`, withOwnKey(value, key));
    add('unknown property', { ...value, note: 'x' });
    for (const key of Object.keys(value)) add(`without ${key}`, Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)));
    const inner: Body = value.data ?? value.error;
    const innerKey = value.data ? 'data' : 'error';
    for (const key of Object.keys(inner))
      add(`${innerKey} without ${key}`, { ...value, [innerKey]: Object.fromEntries(Object.entries(inner).filter(([k]) => k !== key)) });
    for (const key of prototypeNames) add(`${innerKey} own key ${key}`, { ...value, [innerKey]: withOwnKey(inner, key) });
    add(`${innerKey} unknown property`, { ...value, [innerKey]: { ...inner, note: 'x' } });
    if (!value.data) continue;
    const data = value.data as Body;
    add('wallet of the other chain', { ...value, data: { ...data, destinationWalletAddress: otherWallet(data) } });
    add('chain switched to SOL', { ...value, data: { ...data, blockchainSymbol: 'SOL' } });
    for (const edge of dateTimeEdges) add(`createdAt ${edge}`, { ...value, data: { ...data, createdAt: edge } });
    for (const edge of uuidEdges(data.id)) add(`id ${edge}`, { ...value, data: { ...data, id: edge } });
    for (const edge of uuidEdges(data.id)) add(`receiverId ${edge}`, { ...value, data: { ...data, receiverId: edge } });
    for (const bank of bankBranches) {
      add(`bank ${bank.country}`, { ...value, data: { ...data, bankAccount: bank } });
      for (const key of Object.keys(bank))
        add(`bank ${bank.country} without ${key}`, {
          ...value,
          data: { ...data, bankAccount: Object.fromEntries(Object.entries(bank).filter(([k]) => k !== key)) },
        });
      for (const donor of bankBranches)
        for (const [key, field] of Object.entries(donor))
          if (!(key in bank)) add(`bank ${bank.country} + ${key} of ${donor.country}`, { ...value, data: { ...data, bankAccount: { ...bank, [key]: field } } });
      for (const key of prototypeNames) add(`bank ${bank.country} own key ${key}`, { ...value, data: { ...data, bankAccount: withOwnKey(bank, key) } });
    }
  }
  return cases;
}

export const agreementCorpus: CorpusCase[] = [...requestCases(), ...responseCases()];
