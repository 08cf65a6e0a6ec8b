// What kind of server a run talks to decides which scenarios it can run and how it asks for them.
import type { Scenario } from './scenarios.ts';

export const targetKinds = ['server', 'prism-mock', 'prism-proxy'] as const;
export type TargetKind = (typeof targetKinds)[number];

export interface ScenarioPlan {
  run: Scenario[];
  notRun: { scenario: Scenario; reason: string }[];
}

/**
 * - `server`: an implementation of the endpoint; every scenario runs (the exchange gate sends the
 *   stalled-request one, `x-stall-body-after-bytes`, stalled mid-body).
 * - `prism-mock`: the mock (src/prism/start-mock.ts: `prism mock` on the bundled spec behind the
 *   validating front, which forwards a request with `Prefer` to Prism unchanged). Stateless, it
 *   cannot tell a saved bank account from an unknown one, so every scenario asks for its own answer by name
 *   (`Prefer: code=<status>, example=<name>`); every scenario runs, with the default fixtures.
 * - `prism-proxy`: an implementation behind `prism proxy --errors`. Prism answers a request the
 *   spec rejects (a schema-invalid body, no API key) itself, without forwarding it, and forwards
 *   the JSON body re-serialized, without the padding of the oversized-body scenario; those
 *   scenarios cannot reach the implementation as written and do not run. Prism also holds a stalled
 *   request itself (its own server's timeouts, not the implementation's), so that one does not run.
 */
export function planScenarios(target: TargetKind, scenarios: Scenario[], requestMeetsSpec: (scenario: Scenario) => boolean): ScenarioPlan {
  if (target === 'prism-mock') return { run: scenarios, notRun: [] };
  const plan: ScenarioPlan = { run: [], notRun: [] };
  for (const scenario of scenarios) {
    if (target === 'server') plan.run.push(scenario);
    else if (scenario.stallAfterBytes !== undefined)
      plan.notRun.push({ scenario, reason: 'prism proxy holds a stalled request itself, so the implementation never sees it stall' });
    else if (scenario.method !== undefined) plan.notRun.push({ scenario, reason: 'prism proxy answers a method the spec does not list itself' });
    else if (!requestMeetsSpec(scenario)) plan.notRun.push({ scenario, reason: 'its request breaks the spec, so prism proxy answers it without forwarding' });
    else if (scenario.requestText !== undefined) plan.notRun.push({ scenario, reason: 'prism proxy forwards the body re-serialized, without its padding' });
    else if (
      scenario.rawBody !== undefined ||
      scenario.rawBodyHex !== undefined ||
      scenario.apiKeyVariant !== undefined ||
      Object.keys(scenario.requestHeaders).some((name) => /^content-(type|encoding)$/i.test(name))
    )
      plan.notRun.push({ scenario, reason: 'its request breaks the spec in its form, so prism proxy answers it without forwarding' });
    else plan.run.push(scenario);
  }
  return plan;
}

/** The header that makes `prism mock` answer with a scenario's own response example. */
export const preferExampleHeader = (scenario: Scenario): string => `code=${scenario.status}, example=${scenario.name}`;
