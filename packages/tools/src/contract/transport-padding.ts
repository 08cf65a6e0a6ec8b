// The oversized scenarios send what their workflow says beyond the body's value: the exact padded
// body text (413) and literal extra headers (431). After fixture substitution the body is padded
// back to the workflow's length, so a partner's fixtures do not change its size.
import { padJsonBody } from '../spec/arazzo-scenarios.ts';
import type { Scenario } from './scenarios.ts';

export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
}

/** The request a scenario sends, with the padding and headers its workflow asks for. */
export function padForTransportScenario(scenario: Pick<Scenario, 'requestText' | 'requestHeaders'>, request: OutgoingRequest): OutgoingRequest {
  const body = scenario.requestText === undefined ? request.body : padJsonBody(request.body, Buffer.byteLength(scenario.requestText));
  // A scenario's header replaces the request's of the same name in any case (`Content-Type`).
  const names = new Set(Object.keys(scenario.requestHeaders).map((name) => name.toLowerCase()));
  const kept = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !names.has(name.toLowerCase())));
  return { body, headers: { ...kept, ...scenario.requestHeaders } };
}
