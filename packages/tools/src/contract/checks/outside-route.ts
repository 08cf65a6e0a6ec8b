// A request outside the route, as the spec's conventions answer it: another method on the path
// `405` with `Allow` naming POST, another path `404`; neither with a body.
import type { Scenario } from '../scenarios.ts';
import type { Judgement } from './check-selection.ts';
import { shown, type Deviation } from './deviation.ts';
import { checkNoRedirect } from './no-redirect.ts';

export function judgeOutsideRoute(
  scenario: Scenario,
  response: { statusCode: number; headers: Record<string, string>; body: string; url?: string },
): Judgement {
  const deviations: Deviation[] = [];
  if (response.statusCode !== scenario.status) deviations.push({ check: 'status', expected: String(scenario.status), actual: String(response.statusCode) });
  deviations.push(...checkNoRedirect(response.statusCode, response.headers.location, response.url));
  const allowed = (response.headers.allow ?? '').split(',').map((method) => method.trim().toUpperCase());
  if (scenario.path === undefined && !allowed.includes('POST'))
    deviations.push({ check: 'unsupported-method', subject: 'Allow', expected: 'a list naming POST', actual: shown(response.headers.allow) });
  if (response.body.length > 0) deviations.push({ check: 'unsupported-method', subject: 'body', expected: 'none', actual: shown(response.body.slice(0, 200)) });
  return { checked: ['transport', 'status', 'no-redirect', 'unsupported-method'], deviations };
}
