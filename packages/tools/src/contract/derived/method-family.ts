// The family `method`: the path with another method than POST, which the spec's conventions
// answer `405` with `Allow: POST` and no body (Schemathesis' `unsupported_method`). Sent with
// the valid key, as a client that got the method wrong would.
import type { Scenario } from '../scenarios.ts';

export const methodFamily = 'method';

const otherMethods = ['GET', 'PUT', 'PATCH', 'DELETE'] as const;

export function methodScenarios(): Scenario[] {
  return otherMethods.map((method) => ({
    name: `method.${method}`,
    family: methodFamily,
    summary: `${method} on the path: 405, Allow: POST`,
    method,
    status: 405,
    responseSchema: '',
    requestBody: {},
    apiKeyFixture: 'apiKeys.valid',
    requestHeaders: {},
    responseExample: {},
  }));
}
