// Hundreds of simultaneous creations: every one succeeds, none is lost, ids and wallet addresses
// are all distinct, and the server still answers at once afterwards.
import { describe, expect, test } from 'vitest';
import { requestExamples } from '../support/spec.ts';
import { useReferenceServer } from '../support/reference-http.ts';

const server = useReferenceServer();
const bodies = ['FiatAmountToMexico', 'CryptoAmountToSepa', 'QuoteWithSavedBank', 'PayoutToReceiver'].map((name) => requestExamples[name]!.value);

describe('concurrency', () => {
  test('400 simultaneous creations all succeed with distinct ids and addresses', async () => {
    const replies = await Promise.all(Array.from({ length: 400 }, (_, i) => server.send({ body: bodies[i % bodies.length] })));
    expect(replies.map((reply) => reply.status).filter((status) => status !== 201)).toEqual([]);
    expect(new Set(replies.map((reply) => reply.json.data.id)).size).toBe(400);
    expect(new Set(replies.map((reply) => reply.json.data.destinationWalletAddress.toLowerCase())).size).toBe(400);
    const after = await server.send({ body: bodies[0] });
    expect(after.status).toBe(201);
  });
});
