// Generated testing against any server: valid bodies of every branch must be created (201, and
// consistent with the request); each targeted violation must get its catalog row. Every answer is
// judged by the contract suite's judge (status, Content-Type, full schema, exact row). Deterministic
// by seed; a failure is shrunk by fast-check to a minimal body and printed as a curl line.
import fc from 'fast-check';
import { createSpecAjv, type BundledSpec } from '../../scripts/lib/spec-schemas.ts';
import type { Deviation } from '../contract/checks/deviation.ts';
import { fixtureAt, type Fixtures } from '../contract/fixtures.ts';
import { createResponseJudge } from '../contract/judge-response.ts';
import { operationPath, scenariosFromSpec, type Scenario } from '../contract/scenarios.ts';
import type { FuzzFixtures } from './fuzz-fixtures.ts';
import { validOffRampRequest } from './request-arbitraries.ts';
import { invalidOffRampRequest } from './request-mutations.ts';

export interface FuzzOptions {
  server: string;
  fixtures: Fixtures;
  /** Cases per kind (positive, negative). */
  runs: number;
  seed: number;
  timeoutMs?: number;
}

export interface FuzzFailure {
  kind: 'positive' | 'negative';
  expected: string;
  deviations: Deviation[];
  body: unknown;
  curl: string;
}

export interface FuzzReport {
  seed: number;
  positive: { runs: number; failure?: FuzzFailure };
  negative: { runs: number; byExpectedRow: Record<string, number>; failure?: FuzzFailure };
}

const curlLine = (url: string, body: unknown) =>
  `curl -sS -X POST '${url}' -H 'content-type: application/json' -H "partner-api-key: $PARTNER_API_KEY" --data-binary '${JSON.stringify(body).replaceAll("'", "'\\''")}'`;

export async function runFuzz(spec: BundledSpec, options: FuzzOptions): Promise<FuzzReport> {
  const url = new URL(operationPath, options.server).href;
  const apiKey = String(fixtureAt(options.fixtures, 'apiKeys.valid'));
  const scenarios = new Map(scenariosFromSpec(spec).map((scenario) => [scenario.name, scenario]));
  const created = [...scenarios.values()].find((scenario) => scenario.status === 201)!;
  const judge = createResponseJudge(spec, createSpecAjv(spec), { liveTransactions: true });

  const send = async (scenario: Scenario, body: unknown): Promise<Deviation[]> => {
    let response: Response;
    const sentAt = Date.now();
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'partner-api-key': apiKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return [{ check: 'an answer', expected: 'an HTTP answer', actual: (error as Error).message }];
    }
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return judge.judge(scenario, body, { statusCode: response.status, headers, body: text, sentAt, receivedAt: Date.now() });
  };

  const check = async <T>(arbitrary: fc.Arbitrary<T>, kind: FuzzFailure['kind'], scenarioOf: (value: T) => Scenario, bodyOf: (value: T) => unknown) => {
    let last: FuzzFailure | undefined;
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (value) => {
        const scenario = scenarioOf(value);
        const deviations = await send(scenario, bodyOf(value));
        if (deviations.length === 0) return true;
        last = { kind, expected: scenario.catalogRow ? `${scenario.status} ${scenario.name}` : '201 created', deviations, body: bodyOf(value), curl: curlLine(url, bodyOf(value)) };
        return false;
      }),
      { numRuns: options.runs, seed: options.seed, endOnFailure: false },
    );
    // fast-check calls the property again while it shrinks: `last` is the smallest failing case.
    return details.failed ? last : undefined;
  };

  const fuzzFixtures = options.fixtures as unknown as FuzzFixtures;
  const valid = validOffRampRequest(fuzzFixtures);
  const byExpectedRow: Record<string, number> = {};
  const positiveFailure = await check(valid, 'positive', () => created, (body) => body);
  const negativeFailure = await check(
    invalidOffRampRequest(valid),
    'negative',
    ({ mutation }) => {
      byExpectedRow[mutation.expected] = (byExpectedRow[mutation.expected] ?? 0) + 1;
      // Which field the details name depends on the mutation: check the row, not the example's paths.
      return { ...scenarios.get(mutation.expected)!, responseExample: { success: false, error: {} } };
    },
    ({ body }) => body,
  );
  return {
    seed: options.seed,
    positive: { runs: options.runs, ...(positiveFailure ? { failure: positiveFailure } : {}) },
    negative: { runs: options.runs, byExpectedRow, ...(negativeFailure ? { failure: negativeFailure } : {}) },
  };
}
