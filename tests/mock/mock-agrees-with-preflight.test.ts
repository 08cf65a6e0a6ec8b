// The mock's verdict is the server's verdict: a fixed-seed corpus of request bodies, sent to the
// running mock (Prism behind its validating front) with a well-formed key and no `Prefer`, gets
// exactly the preflight's answer (validateOffRampRequest) for every body it rejects, and Prism's
// 201 for every body it accepts. The same comparison against bare Prism, the mock without its
// front, fails: so this test detects the fault the front fixes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalogError } from '../../packages/client/src/catalog/catalog-error.ts';
import { validateOffRampRequest } from '../../packages/client/src/preflight/validate-off-ramp-request.ts';
import { startMock, type MockServer } from '../../packages/tools/src/prism/start-mock.ts';
import { startReferenceServer, type ReferenceServer } from '../../packages/tools/src/reference/start-reference-server.ts';
import { agreementCorpus } from '../support/agreement-corpus.ts';
import { clone, requestExamples } from '../support/spec.ts';
import { fixtures, send, type Outgoing, type Reply } from '../support/reference-http.ts';

const work = mkdtempSync(join(tmpdir(), 'off-ramp-mock-agreement-'));
let mock: MockServer;
let reference: ReferenceServer;
beforeAll(async () => {
  [mock, reference] = await Promise.all([startMock({ log: join(work, 'prism-mock.log') }), startReferenceServer()]);
});
afterAll(async () => {
  await Promise.all([mock?.close(), reference?.close()]);
  rmSync(work, { recursive: true, force: true });
});

const example = requestExamples.FiatAmountToMexico!.value;
const withKey = (name: string) => ({ ...clone(example), [name]: 1 });
/** Bodies named here on top of the corpus: unknown properties, and JSON values that are not objects. */
const explicitBodies: [string, unknown][] = [
  ['unknown property fiatAmmount', { ...clone(example), fiatAmmount: 1500 }],
  ['unknown property note', { ...clone(example), note: 'for rent' }],
  ['own key valueOf', JSON.parse(JSON.stringify(example).replace('{', '{"valueOf":1,'))],
  ['unknown property in the bank details', { ...clone(example), userBankInformation: { ...example.userBankInformation, note: 'x' } }],
  ['unknown property extra', withKey('extra')],
  ['null', null],
  ['an array', []],
  ['an array of the example', [example]],
  ['a string', 'off-ramp'],
  ['a number', 42],
  ['true', true],
  ['an empty object', {}],
];
const corpus: [string, unknown][] = [
  ...agreementCorpus.filter((c) => c.schemaName === 'OffRampRequest').map((c): [string, unknown] => [c.label, c.body]),
  ...explicitBodies,
];

/** What the server answers for a body with a well-formed key and no state involved: the preflight's error, or a 201. */
function preflightWants(body: unknown): { status: number; body?: unknown } {
  const verdict = validateOffRampRequest(body);
  if (verdict.ok) return { status: 201 };
  const { status, ...error } = verdict.error;
  return { status, body: { success: false, error } };
}

/** How an answer can differ from the preflight's: created what it rejects, rejected otherwise, or rejected what it accepts. */
type Disagreement = { label: string; kind: 'created a rejected body' | 'another rejection' | 'rejected an accepted body'; want: unknown; got: unknown };

/** Sends every body to `baseUrl` (a few at a time) and lists where the answer is not the preflight's. */
async function compareWithPreflight(baseUrl: string, bodies: [string, unknown][]) {
  const disagreements: Disagreement[] = [];
  let accepted = 0;
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const [label, body] = bodies[next++]!;
      const want = preflightWants(body);
      const reply = await send(baseUrl, { raw: JSON.stringify(body) });
      const got = { status: reply.status, body: reply.json ?? reply.text };
      if (want.status === 201) {
        accepted++;
        if (reply.status !== 201 || reply.json?.success !== true) disagreements.push({ label, kind: 'rejected an accepted body', want, got });
      } else if (reply.status === 201) disagreements.push({ label, kind: 'created a rejected body', want, got });
      else if (reply.status !== want.status || JSON.stringify(reply.json) !== JSON.stringify(want.body))
        disagreements.push({ label, kind: 'another rejection', want, got });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const count = (kind: Disagreement['kind']) => disagreements.filter((d) => d.kind === kind).length;
  const summary = `${bodies.length} bodies (${bodies.length - accepted} rejected and ${accepted} accepted by the preflight): ${bodies.length - disagreements.length} agree, ${disagreements.length} disagree (${(['created a rejected body', 'another rejection', 'rejected an accepted body'] as const).map((kind) => `${kind} ${count(kind)}`).join(', ')})`;
  return { sent: bodies.length, accepted, rejected: bodies.length - accepted, disagreements, count, summary };
}

describe('the mock answers every body as the preflight (and so the server) does', () => {
  test(`the corpus (${corpus.length} bodies) agrees`, async () => {
    const run = await compareWithPreflight(mock.url, corpus);
    console.log(`mock vs preflight: ${run.summary}`);
    expect(run.disagreements.slice(0, 5)).toEqual([]);
    // Both paths are exercised: the front's answers and Prism's 201.
    expect(run.accepted).toBeGreaterThan(100);
    expect(run.rejected).toBeGreaterThan(1000);
  }, 300_000);

  test.each(explicitBodies.slice(0, 4))('%s: 400 INVALID_USER_INPUT_ERROR naming it, not 201', async (_, body) => {
    const reply = await send(mock.url, { body });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(preflightWants(body).body);
  });
});

describe('the comparison can fail: bare Prism (the mock without its front) disagrees', () => {
  test('an unknown property: bare Prism answers its first 400 example (a CLABE detail), the server names the property', async () => {
    const [label, body] = explicitBodies[0]!;
    const reply = await send(mock.prismUrl, { body });
    expect(reply.status).toBe(400);
    expect(reply.json.error.details).not.toEqual([{ path: '/fiatAmmount', message: 'is not allowed' }]);
    expect((await compareWithPreflight(mock.prismUrl, [[label, body]])).disagreements.map((d) => d.kind)).toEqual(['another rejection']);
  });

  test('a CLABE with a wrong control digit: bare Prism creates it (201), the server answers 400', async () => {
    const body = {
      ...clone(example),
      userBankInformation: {
        ...example.userBankInformation,
        accountIdentifier: `${example.userBankInformation.accountIdentifier.slice(0, 17)}${(Number(example.userBankInformation.accountIdentifier[17]) + 1) % 10}`,
      },
    };
    expect(preflightWants(body).status).toBe(400);
    expect((await send(mock.prismUrl, { body })).status).toBe(201);
    expect((await send(mock.url, { body })).json).toEqual(preflightWants(body).body);
  });

  test('a malformed key: bare Prism creates (201), the server answers 401', async () => {
    expect((await send(mock.prismUrl, { body: example, headers: { 'partner-api-key': fixtures.apiKeys.malformed } })).status).toBe(201);
  });

  test('over the corpus (every fourth body, and the named ones), bare Prism disagrees on most bodies, the unknown properties among them', async () => {
    // A fixed sample shows it as well as the whole corpus (which the mock gets above): bare Prism
    // spends milliseconds on each body, and this is the comparison's control, not its subject.
    const sample = corpus.filter((entry, index) => index % 4 === 0 || explicitBodies.includes(entry));
    const run = await compareWithPreflight(mock.prismUrl, sample);
    console.log(`bare Prism vs preflight: ${run.summary}`);
    const labels = run.disagreements.map((d) => d.label);
    expect(labels).toEqual(expect.arrayContaining(['unknown property fiatAmmount', 'unknown property note', 'own key valueOf']));
    expect(run.count('created a rejected body')).toBeGreaterThan(0);
    expect(run.disagreements.length).toBeGreaterThan(sample.length / 2);
    expect(sample.length).toBeGreaterThan(500);
  }, 300_000);
});

// What the preflight cannot judge (it sees a parsed value): bytes, headers. The oracle is the
// reference implementation itself, running: same status and body.
const sameAsReference = async (outgoing: Outgoing) => {
  const [fromMock, fromReference] = await Promise.all([send(mock.url, outgoing), send(reference.url, outgoing)]);
  const view = (reply: Reply) => ({ status: reply.status, body: reply.json ?? reply.text });
  expect(view(fromMock)).toEqual(view(fromReference));
  return fromMock;
};

describe("body faults before JSON: the reference implementation's answers", () => {
  const json = JSON.stringify(example);
  test.each<[string, Outgoing, string]>([
    ['an empty body', { raw: '' }, 'must be valid JSON'],
    ['malformed JSON', { raw: '{"userId": ' }, 'must be valid JSON'],
    ['not JSON at all', { raw: 'userId=1' }, 'must be valid JSON'],
    ['a repeated member name', { raw: json.replace('{', '{"fiatAmount":1,') }, 'must not repeat the member name "fiatAmount"'],
    ['bytes that are not UTF-8', { raw: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) }, 'must be encoded in UTF-8'],
    ['Content-Type text/plain', { raw: json, headers: { 'content-type': 'text/plain' } }, 'must be sent with Content-Type application/json'],
    ['no Content-Type', { raw: json, headers: { 'content-type': undefined } }, 'must be sent with Content-Type application/json'],
    ['charset latin1', { raw: json, headers: { 'content-type': 'application/json; charset=latin1' } }, 'must be encoded in UTF-8'],
    ['Content-Encoding gzip', { raw: json, headers: { 'content-encoding': 'gzip' } }, 'must not be sent with a Content-Encoding other than identity'],
    ['a body fault comes before a malformed key', { raw: '[', headers: { 'partner-api-key': 'not-a-key' } }, 'must be valid JSON'],
  ])('%s', async (_, outgoing, message) => {
    const reply = await sameAsReference(outgoing);
    expect(reply.status).toBe(400);
    expect(reply.json.error.details[0].message).toBe(message);
  });
});

describe('the API key: its form is checked, whether it is known cannot be', () => {
  test.each<[string, string | undefined, 'ApiKeyMissing' | 'ApiKeyMalformed']>([
    ['no key', undefined, 'ApiKeyMissing'],
    ['an empty key', '', 'ApiKeyMissing'],
    ['a malformed key (the fixture)', fixtures.apiKeys.malformed, 'ApiKeyMalformed'],
    ['a key one character short', fixtures.apiKeys.valid.slice(0, -1), 'ApiKeyMalformed'],
    ['a key with a wrong prefix', fixtures.apiKeys.valid.replace('pk_', 'sk_'), 'ApiKeyMalformed'],
  ])("%s: 401, the reference's answer", async (_, key, row) => {
    const reply = await sameAsReference({ body: example, headers: { 'partner-api-key': key } });
    const { status, ...error } = catalogError(row);
    expect(reply.status).toBe(status);
    expect(reply.json).toEqual({ success: false, error });
  });

  test('the key comes before the user id (step 2 before step 3)', async () => {
    const { userId: _, ...withoutUser } = example;
    await sameAsReference({ body: withoutUser, headers: { 'partner-api-key': undefined } });
  });

  test('a well-formed key is taken as a known partner with the flow: the body is judged, then Prism answers', async () => {
    const { userId: _, ...withoutUser } = example;
    expect((await send(mock.url, { body: withoutUser, headers: { 'partner-api-key': fixtures.apiKeys.unknown } })).json.error.code).toBe(
      'REQUIRED_USER_ID_ERROR',
    );
    expect((await send(mock.url, { body: example, headers: { 'partner-api-key': fixtures.apiKeys.unknown } })).status).toBe(201);
  });
});
