// The API key never leaves the server: not in any answer (headers or body) and not in any log
// line, for every scenario and for keys put where they do not belong (query string, body).
import { describe, expect, test } from 'vitest';
import { requestExamples } from '../support/spec.ts';
import { fixtures, keyOfScenario, offRampPath, useReferenceServer, type Reply } from '../support/reference-http.ts';

const logLines: string[] = [];
const server = useReferenceServer({ log: (line) => logLines.push(line) });
const keys = Object.values(fixtures.apiKeys);
const replies: Reply[] = [];

describe('the API key is never echoed or logged', () => {
  test('every scenario, and keys in the query string and the body', async () => {
    for (const example of Object.values(requestExamples)) {
      replies.push(await server.send({ body: example.value, headers: { 'partner-api-key': keyOfScenario(example.scenario) } }));
    }
    for (const key of keys) {
      replies.push(
        await server.send({
          path: `${offRampPath}?partner-api-key=${key}`,
          body: requestExamples.FiatAmountToMexico!.value,
          headers: { 'partner-api-key': key },
        }),
      );
      replies.push(await server.send({ path: `/${key}`, body: {}, headers: { 'partner-api-key': key } }));
      replies.push(await server.send({ body: { ...requestExamples.FiatAmountToMexico!.value, userId: key }, headers: { 'partner-api-key': key } }));
      replies.push(await server.send({ raw: key, headers: { 'partner-api-key': key } }));
    }
    expect(logLines.length).toBe(replies.length);
    const seen = [...replies.map((reply) => JSON.stringify(reply.headers) + reply.text), ...logLines];
    for (const key of keys) expect(seen.filter((text) => text.includes(key))).toEqual([]);
  });
});
