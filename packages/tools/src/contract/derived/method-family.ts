// The family `method`: the path with another method than POST, which the spec's conventions
// answer `405` with `Allow: POST` and no body (Schemathesis' `unsupported_method`). Sent with
// the valid key, as a client that got the method wrong would.
import { offRampPath } from '@off-ramp/client';
import type { Scenario } from '../scenarios.ts';

export const methodFamily = 'method';

const otherMethods = ['GET', 'PUT', 'PATCH', 'DELETE'] as const;

export function methodScenarios(): Scenario[] {
  // A path below the operation's: 404 without a body (a GET, so that no body is sent).
  const otherPath: Scenario = {
    name: 'path.below',
    family: methodFamily,
    summary: 'GET on a path below the operation: 404',
    method: 'GET',
    path: `${offRampPath}/x`,
    status: 404,
    responseSchema: '',
    requestBody: {},
    apiKeyFixture: 'apiKeys.valid',
    requestHeaders: {},
    responseExample: {},
  };
  const methods: Scenario[] = otherMethods.map((method) => ({
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
  return [...methods, otherPath];
}
