// One small API description per scenario, which is what Dredd runs: Dredd makes one transaction
// per (path, method, status, media type) and sends only the first request example, so the full
// spec would yield one 201 and one 400 transaction. Each description holds one operation with
// the scenario's request example and only its status' response example.
// They are OpenAPI 3.0.3 on purpose: Dredd's parser only half supports 3.1, and these documents
// carry no schema (Dredd ignores OpenAPI 3 schemas; the hooks validate against the full 3.1 spec).
import type { Scenario } from './scenarios.ts';
import { offRampPath } from '@off-ramp/client';

export interface DreddDescription {
  location: string;
  content: string;
}

export function dreddDescriptionFor(scenario: Scenario): DreddDescription {
  // No API key parameter: the exchange gate adds the key, so that Dredd never holds it.
  const description = {
    openapi: '3.0.3',
    // Dredd names each transaction after this title: "<scenario> > <path> > POST > <status> > application/json".
    info: { title: scenario.name, version: '1', description: scenario.summary },
    paths: {
      [scenario.path ?? offRampPath]: {
        [(scenario.method ?? 'POST').toLowerCase()]:
          scenario.method === undefined
            ? {
                operationId: 'createOffRamp',
                requestBody: { content: { 'application/json': { example: scenario.requestBody } } },
                responses: {
                  [String(scenario.status)]: {
                    description: scenario.summary,
                    content: { 'application/json': { example: scenario.responseExample } },
                  },
                },
              }
            : // Another method: no body either way.
              { operationId: `${scenario.method.toLowerCase()}OffRamp`, responses: { [String(scenario.status)]: { description: scenario.summary } } },
      },
    },
  };
  return { location: `scenario:${scenario.name}`, content: JSON.stringify(description) };
}
