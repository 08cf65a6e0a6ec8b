// Tells which scenario a request belongs to, from its body and API key (default fixtures).
import { loadBundledSpec } from '../../../scripts/lib/spec-schemas.ts';
import { defaultFixturesPath, fixtureAt, loadFixtures } from '../../../src/contract/fixtures.ts';
import { scenariosFromSpec } from '../../../src/contract/scenarios.ts';

const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(value);

export function scenarioOfRequest(): (body: string, apiKey: string | undefined) => string | undefined {
  const fixtures = loadFixtures(defaultFixturesPath);
  const byRequest = new Map<string, string>();
  for (const scenario of scenariosFromSpec(loadBundledSpec())) {
    const apiKey = scenario.apiKeyFixture === null ? '' : String(fixtureAt(fixtures, scenario.apiKeyFixture));
    const key = `${canonical(scenario.requestBody)}|${apiKey}`;
    if (byRequest.has(key)) throw new Error(`Scenarios ${byRequest.get(key)} and ${scenario.name} send the same request`);
    byRequest.set(key, scenario.name);
  }
  return (body, apiKey) => {
    try {
      return byRequest.get(`${canonical(JSON.parse(body))}|${apiKey ?? ''}`);
    } catch {
      return undefined;
    }
  };
}
