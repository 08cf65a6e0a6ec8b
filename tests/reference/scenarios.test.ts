// Every scenario against the reference implementation: the workflow's request (with the key it
// names, its padding or its stall) gets the response example of the same name. The list comes
// from the Arazzo scenarios, so a new scenario is tested without touching this file.
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../packages/tools/src/contract/scenarios.ts';
import { responseExamples, scenarios, validatorOf } from '../support/spec.ts';
import { padForTransportScenario } from '../../packages/tools/src/contract/transport-padding.ts';
import { keyOfScenario, useReferenceServer } from '../support/reference-http.ts';
import { postHead, rawConnection } from '../support/raw-socket.ts';

// A short request limit, so that the stalled-request scenario is answered in a second.
const server = useReferenceServer({ requestTimeoutMs: 1000 });

/** A scenario that stalls: the headers and its first `stallAfterBytes` bytes, then nothing. */
async function sendStalled(scenario: Scenario, apiKey: string | undefined) {
  const body = JSON.stringify(scenario.requestBody);
  const connection = rawConnection(server.url);
  connection.socket.write(postHead(Buffer.byteLength(body), apiKey ? { 'partner-api-key': apiKey } : {}) + body.slice(0, scenario.stallAfterBytes));
  const reply = await connection.reply;
  return { status: reply.status, headers: { 'content-type': reply.headers['content-type'] }, json: reply.json, text: reply.text };
}
const created = validatorOf('OffRampCreatedResponse');
// Fields of a new transaction that differ on every call.
const perTransaction = ['id', 'destinationWalletAddress', 'createdAt'];
const withoutPerTransaction = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([key]) => !perTransaction.includes(key)));

const cases = scenarios.map((scenario) => ({ name: scenario.name, scenario, response: responseExamples[scenario.name]! }));

describe.each([1, 2])('run %i of the scenarios against one server', () => {
  test('covers every scenario of the spec', () => {
    expect(cases.map((s) => s.name).sort()).toEqual(Object.keys(responseExamples).sort());
  });

  test.each(cases.map((s) => [s.name, s] as const))('%s', async (_name, { scenario, response }) => {
    const padded = padForTransportScenario(scenario, { body: JSON.stringify(scenario.requestBody), headers: {} });
    const reply =
      scenario.stallAfterBytes !== undefined
        ? await sendStalled(scenario, keyOfScenario(scenario))
        : await server.send({ raw: padded.body, headers: { ...padded.headers, 'partner-api-key': keyOfScenario(scenario) } });
    expect(reply.status, reply.text).toBe(response.status);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    if (response.status === 201) {
      expect(created(reply.json), JSON.stringify(created.errors)).toBe(true);
      // Everything but the id, the address and the time is determined by the seeded state.
      expect(withoutPerTransaction(reply.json.data)).toEqual(withoutPerTransaction(response.value.data));
    } else {
      const { code, message, details } = response.value.error;
      expect(reply.json).toEqual({ success: false, error: details ? { code, message, details } : { code, message } });
      expect(validatorOf(response.schemaName)(reply.json)).toBe(true);
    }
  });
});
