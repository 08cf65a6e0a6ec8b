// Hostile input gets a documented 4xx, changes no state, pollutes nothing, and the server goes on.
import { describe, expect, test } from 'vitest';
import { requestExamples, validatorOf } from '../support/spec.ts';
import { useReferenceServer } from '../support/reference-http.ts';

const server = useReferenceServer();
const valid = requestExamples.FiatAmountToMexico!.value;
const text = JSON.stringify(valid);
const badRequest = validatorOf('BadRequestError');
/** The valid body's JSON with one more member spliced in, written as raw text. */
const withRaw = (member: string) => `${text.slice(0, -1)},${member}}`;

const cases: [string, string, string][] = [
  ['a top-level __proto__ key', withRaw('"__proto__":{"polluted":true}'), '/__proto__'],
  ['a constructor key', withRaw('"constructor":{"prototype":{"polluted":true}}'), '/constructor'],
  ['__proto__ inside the bank details', text.replace('"country":"MX"', '"__proto__":{"polluted":true},"country":"MX"'), '/userBankInformation/__proto__'],
  ['an amount that overflows to Infinity', text.replace('"fiatAmount":1500', '"fiatAmount":1e400'), '/fiatAmount'],
  ['an amount beyond exact integers', text.replace('"fiatAmount":1500', '"fiatAmount":12345678901234567890'), '/fiatAmount'],
  ['a 60 000-character string', text.replace('"tokenSymbol":"USDC"', `"tokenSymbol":"${'U'.repeat(60_000)}"`), '/tokenSymbol'],
  ['control characters in the user id', text.replace('8374f327-38bd', '8374f327\\u0000\\u001b38bd'), '/userId'],
  ['a NUL in a bank name', text.replace('"country":"MX"', '"country":"MX","bankName":"Banco\\u0000"'), '/userBankInformation/bankName'],
  ['an extremely nested unknown value', withRaw(`"deep":${'['.repeat(30_000)}${']'.repeat(30_000)}`), '/deep'],
];

describe('hostile input', () => {
  test.each(cases)('%s is 400 INVALID_USER_INPUT_ERROR naming the field', async (_name, raw, path) => {
    const reply = await server.send({ raw });
    expect(reply.status, reply.text).toBe(400);
    expect(badRequest(reply.json)).toBe(true);
    expect(reply.json.error.code).toBe('INVALID_USER_INPUT_ERROR');
    expect(reply.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await server.send({ body: valid })).status).toBe(201);
  });

  test('a 40 KB API key header is 401 "Invalid API Key format", never echoed', async () => {
    const key = `pk_test_${'A'.repeat(40_000)}`;
    const reply = await server.send({ body: valid, headers: { 'partner-api-key': key.slice(0, 15_000) } });
    expect([reply.status, reply.json.error.message]).toEqual([401, 'Invalid API Key format']);
    expect(reply.text).not.toContain('AAAAAAAAAA');
  });
});
