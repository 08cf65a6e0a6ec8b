// Tells which scenario a request belongs to, from its body, API key (default fixtures) and the
// transport padding (the oversized scenarios send the body of another scenario, padded).
import { loadBundledSpec } from '../../../packages/tools/src/spec/spec-schemas.ts';
import { defaultFixturesPath, fixtureAt, loadFixtures } from '../../../packages/tools/src/contract/fixtures.ts';
import { contractScenarios, type Scenario } from '../../../packages/tools/src/contract/scenarios.ts';

const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

export type ScenarioOfRequest = (body: string, headers: Record<string, string | undefined>) => string | undefined;

const paddingOf = (scenario: Scenario) =>
  `${scenario.requestText === undefined ? '' : Buffer.byteLength(scenario.requestText)}|${scenario.requestHeaders['x-padding']?.length ?? ''}`;

export function scenarioOfRequest(): ScenarioOfRequest {
  const fixtures = loadFixtures(defaultFixturesPath);
  const byRequest = new Map<string, string>();
  for (const scenario of contractScenarios(loadBundledSpec())) {
    // The stalled-request scenario is not sent by the contract runner (see src/contract/targets.ts).
    if (scenario.stallAfterBytes !== undefined) continue;
    const apiKey = scenario.apiKeyFixture === null ? '' : String(fixtureAt(fixtures, scenario.apiKeyFixture));
    const key = `${canonical(scenario.requestBody)}|${apiKey}|${paddingOf(scenario)}`;
    if (byRequest.has(key)) throw new Error(`Scenarios ${byRequest.get(key)} and ${scenario.name} send the same request`);
    byRequest.set(key, scenario.name);
  }
  return (body, headers) => {
    try {
      const parsed = JSON.parse(body);
      const padded = Buffer.byteLength(body) > Buffer.byteLength(JSON.stringify(parsed)) ? Buffer.byteLength(body) : '';
      const padding = `${padded}|${headers['x-padding']?.length ?? ''}`;
      return byRequest.get(`${canonical(parsed)}|${headers['partner-api-key'] ?? ''}|${padding}`);
    } catch {
      return undefined;
    }
  };
}
