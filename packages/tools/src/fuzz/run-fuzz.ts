// Generated testing against any server: valid bodies of every branch must be created (201, and
// consistent with the request); each targeted violation must get its catalog row. Every answer is
// judged by the contract suite's judge (status, Content-Type, full schema, exact row), and every
// exchange is bounded (deadline, size cap, no redirects: src/http/bounded-exchange.ts), so a
// hostile server can neither hang the run nor pass it. Deterministic by seed; a wrong answer is
// shrunk by fast-check to a minimal body (within a time budget) and printed as a curl line.
import fc from 'fast-check';
import { sharedSpecAjv } from '../spec/shared-spec-ajv.ts';
import type { BundledSpec } from '../spec/spec-schemas.ts';
import type { Deviation } from '../contract/checks/deviation.ts';
import { checkFixtureKeys, fixtureAt, fixtureSecrets, type Fixtures } from '../contract/fixtures.ts';
import { boundedExchange, defaultExchangeLimits } from '../http/bounded-exchange.ts';
import { createRedactor, redactUrl, urlSecrets } from '../http/secret-redaction.ts';
import { createResponseJudge } from '../contract/judge-response.ts';
import { contractScenarios, type Scenario } from '../contract/scenarios.ts';
import type { FuzzFixtures } from './fuzz-fixtures.ts';
import { validOffRampRequest } from './request-arbitraries.ts';
import { invalidOffRampRequest } from './request-mutations.ts';
import { selectedChecks, withSelectedChecks } from '../contract/checks/check-selection.ts';
import { apiKeyHeader, offRampPath } from '@off-ramp/client';

export interface FuzzOptions {
  server: string;
  fixtures: Fixtures;
  /** Cases per kind (positive, negative). */
  runs: number;
  seed: number;
  /** Deadline of each exchange (sending, headers and the whole body); default 10 s. */
  timeoutMs?: number;
  /** Largest answer body read; default 1 MiB. */
  maxResponseBytes?: number;
  /** Time spent shrinking a failure to a smaller body, at most; default 30 s. */
  shrinkBudgetMs?: number;
  /** Make only these checks (ids of check-ids.ts; `transport` always); every check by default. */
  checks?: string[];
}

export interface FuzzFailure {
  kind: 'positive' | 'negative';
  expected: string;
  /** Already redacted: no partner key or URL password. */
  deviations: Deviation[];
  body: unknown;
  /** A command that resends the body; the key comes from $PARTNER_API_KEY, never from its arguments. */
  curl: string;
}

export interface FuzzReport {
  seed: number;
  positive: { runs: number; failure?: FuzzFailure };
  negative: { runs: number; byExpectedRow: Record<string, number>; failure?: FuzzFailure };
}

const shellQuoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * The key is read by the shell's printf (a builtin) into a header file that curl reads: it never
 * appears in curl's arguments, which every user of the machine can list. Needs bash or zsh.
 */
const curlLine = (url: string, body: unknown) =>
  `curl -sS -X POST ${shellQuoted(url)} -H 'content-type: application/json' -H @<(printf '${apiKeyHeader}: %s\\n' "$PARTNER_API_KEY") --data-binary ${shellQuoted(JSON.stringify(body))}`;

const isTransport = (deviations: Deviation[]) => deviations.some((d) => d.check === 'transport');

export async function runFuzz(spec: BundledSpec, options: FuzzOptions): Promise<FuzzReport> {
  const target = new URL(options.server);
  const url = new URL(target.pathname.replace(/\/+$/, '') + offRampPath, target);
  checkFixtureKeys(options.fixtures);
  const apiKey = String(fixtureAt(options.fixtures, 'apiKeys.valid'));
  const redact = createRedactor([...fixtureSecrets(options.fixtures), ...urlSecrets(target)]);
  const scenarios = new Map(contractScenarios(spec).map((scenario) => [scenario.name, scenario]));
  const created = [...scenarios.values()].find((scenario) => scenario.status === 201)!;
  const judge = createResponseJudge(spec, sharedSpecAjv(spec), { liveTransactions: true });
  const limits = {
    deadlineMs: options.timeoutMs ?? defaultExchangeLimits.deadlineMs,
    maxResponseBytes: options.maxResponseBytes ?? defaultExchangeLimits.maxResponseBytes,
  };

  const checks = selectedChecks(options.checks);
  const send = async (scenario: Scenario, body: unknown): Promise<Deviation[]> => {
    const sentAt = Date.now();
    const result = await boundedExchange(
      { url, method: 'POST', headers: { 'content-type': 'application/json', [apiKeyHeader]: apiKey }, body: Buffer.from(JSON.stringify(body)) },
      limits,
    );
    if (!result.ok) return [{ check: 'transport', expected: 'a complete answer within the deadline and the size cap', actual: result.message }];
    const judgement = judge.judge(scenario, body, {
      statusCode: result.status,
      headers: result.headers,
      body: result.body.toString('utf8'),
      sentAt,
      receivedAt: Date.now(),
      url: url.href,
    });
    return withSelectedChecks(judgement, checks).deviations;
  };

  const check = async <T>(arbitrary: fc.Arbitrary<T>, kind: FuzzFailure['kind'], scenarioOf: (value: T) => Scenario, bodyOf: (value: T) => unknown) => {
    let last: FuzzFailure | undefined;
    const property = fc.asyncProperty(arbitrary, async (value) => {
      const scenario = scenarioOf(value);
      const deviations = (await send(scenario, bodyOf(value))).map((d) => ({
        ...d,
        ...(d.subject ? { subject: redact(d.subject) } : {}),
        expected: redact(d.expected),
        actual: redact(d.actual),
      }));
      if (deviations.length === 0) return true;
      last = {
        kind,
        expected: scenario.catalogRow ? `${scenario.status} ${scenario.name}` : '201 created',
        deviations,
        body: bodyOf(value),
        curl: redact(curlLine(redactUrl(url), bodyOf(value))),
      };
      return false;
    });
    // First without shrinking: a run is at most `runs` exchanges, each within the deadline.
    const found = await fc.check(property, { numRuns: options.runs, seed: options.seed, endOnFailure: true });
    if (!found.failed) return undefined;
    const first: FuzzFailure = last ?? {
      kind,
      expected: 'an answer the judge accepts',
      deviations: [
        { check: 'property', expected: 'no error', actual: redact(String((found.errorInstance as Error | undefined)?.message ?? 'the property failed')) },
      ],
      body: found.counterexample?.[0],
      curl: '',
    };
    // A transport failure would only repeat while shrinking; a wrong answer is shrunk, within a time budget.
    if (isTransport(first.deviations) || found.counterexamplePath === null) return first;
    last = undefined;
    await fc.check(property, {
      seed: options.seed,
      path: found.counterexamplePath,
      numRuns: options.runs,
      interruptAfterTimeLimit: options.shrinkBudgetMs ?? 30_000,
    });
    return last ?? first;
  };

  const fuzzFixtures = options.fixtures as unknown as FuzzFixtures;
  const valid = validOffRampRequest(fuzzFixtures);
  const byExpectedRow: Record<string, number> = {};
  const positiveFailure = await check(
    valid,
    'positive',
    () => created,
    (body) => body,
  );
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
