// Runs the contract suite: one Dredd process (this one), one transaction per scenario of the spec,
// every request through the exchange gate (deadline, size cap, no redirects, the key added there).
import type { EventEmitter } from 'node:events';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCatalogFromSpec } from '../spec/error-catalog.ts';
import { sharedSpecAjv } from '../spec/shared-spec-ajv.ts';
import { loadBundledSpec, schemaValidator } from '../spec/spec-schemas.ts';
import type { Deviation } from './checks/deviation.ts';
import { formatDeviation } from './checks/deviation.ts';
import { registerContractHooks, type ContractHookContext } from './contract-hooks.ts';
import type { DreddStats, DreddTest } from './dredd-api.ts';
import { beginContractRun } from './dredd-run-registry.ts';
import { runDreddInBatches } from './run-dredd-in-batches.ts';
import { createRedactor, redactUrl, urlSecrets, type Redactor } from '../http/secret-redaction.ts';
import { type GateRecord, startExchangeGate, type ScenarioTransport } from './exchange-gate.ts';
import { checkFixtureKeys, defaultFixturesPath, fixtureAt, fixtureSecrets, fixtureSubstitution, loadFixtures } from './fixtures.ts';
import { createResponseJudge } from './judge-response.ts';
import { writeJunitReport } from './junit-report.ts';
import { dreddDescriptionFor } from './scenario-descriptions.ts';
import { contractScenarios, loadArazzo, type Scenario } from './scenarios.ts';
import { planScenarios, type TargetKind } from './targets.ts';
import type { CheckId } from './checks/check-ids.ts';
import { selectedChecks } from './checks/check-selection.ts';
import { apiKeyHeader, offRampPath } from '@off-ramp/client';
import { derivedFamilies, type DerivedSuite, derivedScenarios, type SkippedDerivation } from './derived/derived-scenarios.ts';
import type { Relation, TransactionTerms } from './derived/relation-family.ts';
import { spoilKey } from './derived/request-form-family.ts';
import { defaultExchangeLimits } from '../http/bounded-exchange.ts';

export interface ContractRunOptions {
  /** Base URL of the server under test, e.g. http://127.0.0.1:4010. */
  server: string;
  /** Fixtures the server honours; defaults to the fixtures shipped with this package. */
  fixturesPath?: string;
  target?: TargetKind;
  /** Where the JUnit (xunit) report goes; defaults to dist/contract/<target>.xml under the working directory. */
  reportPath?: string;
  /** Bundled spec the answers are judged against; defaults to the client package's openapi.json. */
  specPath?: string;
  /** Arazzo document to take the scenarios from; defaults to the client package's off-ramp.arazzo.yaml. */
  arazzoPath?: string;
  /** Run only these scenarios (names of the spec's examples, or of derived scenarios). */
  only?: string[];
  /** Also run the derived families (derived/derived-scenarios.ts) where the target allows; default true. */
  derived?: boolean;
  /** Also print Dredd's own console report. */
  dreddOutput?: boolean;
  /** Deadline of each exchange (sending, headers and the whole body); default 10 s. */
  requestTimeoutMs?: number;
  /** Largest answer body read; a longer one fails its scenario. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Make only these checks (ids of check-ids.ts; `transport` always); every check by default. */
  checks?: string[];
}

export const defaultRequestTimeoutMs = defaultExchangeLimits.deadlineMs;
export const defaultMaxResponseBytes = defaultExchangeLimits.maxResponseBytes;

export type Verdict = 'pass' | 'fail' | 'not run';

export interface ScenarioResult {
  scenario: Scenario;
  verdict: Verdict;
  /** The checks that judged the answer (none for a scenario not run). */
  checked: CheckId[];
  deviations: Deviation[];
  /** Dredd's message for a failure the hooks did not see (no answer, hook error). */
  message?: string;
}

export interface ContractRunResult {
  target: TargetKind;
  /** The server's URL as printed: a password in it is shown as `***`. */
  server: string;
  results: ScenarioResult[];
  /** Catalog rows of the spec, and how many of them were answered right (a scenario of the row passed, none failed). */
  catalogRows: number;
  catalogRowsCovered: number;
  passed: boolean;
  /** The checks the run made: every one, or the ones asked for (and `transport`). */
  checks: CheckId[];
  /** Checks asked for by name that judged no answer: such a run fails, it proved nothing of them. */
  checksOnNoCase: CheckId[];
  /** Derived families or cases the run could not make, and why. */
  skippedDerivations: SkippedDerivation[];
  reportPath: string;
  durationMs: number;
  dreddStats: DreddStats;
}

const hookfile = resolve(dirname(fileURLToPath(import.meta.url)), 'dredd-hookfile.cjs');

export async function runContractSuite(options: ContractRunOptions): Promise<ContractRunResult> {
  const started = Date.now();
  const target = options.target ?? 'server';
  if (target === 'prism-mock' && options.fixturesPath) {
    throw new Error("The Prism mock answers with the spec's examples, which are written with the default fixtures: run --target prism-mock without --fixtures");
  }
  let targetUrl: URL;
  try {
    targetUrl = new URL(options.server);
    if (!['http:', 'https:'].includes(targetUrl.protocol)) throw new Error('not http');
  } catch {
    throw new Error('--server must be an http:// or https:// URL');
  }
  const spec = loadBundledSpec(options.specPath);
  const defaults = loadFixtures(defaultFixturesPath);
  const chosen = options.fixturesPath ? loadFixtures(options.fixturesPath) : defaults;
  const substitute = fixtureSubstitution(defaults, chosen);
  checkFixtureKeys(chosen);
  const redact = createRedactor([...fixtureSecrets(chosen), ...urlSecrets(targetUrl)]);
  const namedScenarios = contractScenarios(spec, loadArazzo(options.arazzoPath));
  const derivation = deriveFor(target, options.derived ?? true, () => derivedScenarios(spec, namedScenarios, defaults, chosen));
  const allScenarios = [...namedScenarios, ...derivation.scenarios];
  const unknown = (options.only ?? []).filter((name) => !allScenarios.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`No scenario named ${unknown.join(', ')} in the scenarios`);
  const selected = options.only?.length ? allScenarios.filter((s) => options.only!.includes(s.name)) : allScenarios;
  const checks = selectedChecks(options.checks);

  const ajv = sharedSpecAjv(spec);
  const requestValidator = schemaValidator(ajv, 'OffRampRequest');
  const plan = planScenarios(target, selected, (s) => s.apiKeyFixture !== null && requestValidator(substitute(s.requestBody)) === true);

  const deadlineMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const transportOf = (name: string): ScenarioTransport => {
    const scenario = allScenarios.find((s) => s.name === name);
    if (!scenario) return { headers: {} };
    // The mock answers a stalled-request scenario's named example: it is sent whole there.
    const stall = target === 'prism-mock' ? undefined : scenario.stallAfterBytes;
    const key = scenario.apiKeyFixture === null ? undefined : String(substitute(fixtureAt(defaults, scenario.apiKeyFixture)));
    return {
      headers: key === undefined ? {} : { [apiKeyHeader]: scenario.apiKeyVariant ? spoilKey[scenario.apiKeyVariant](key) : key },
      ...(typeof stall === 'number' ? { stallAfterBytes: stall, deadlineMs: deadlineMs + stalledRequestLimitMs(scenario) } : {}),
      ...(scenario.rawBodyHex === undefined ? {} : { body: Buffer.from(scenario.rawBodyHex, 'hex') }),
    };
  };
  const gate = await startExchangeGate(targetUrl, { deadlineMs, maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes }, transportOf);
  const context: ContractHookContext = {
    scenarios: new Map(plan.run.map((s) => [s.name, s])),
    substitute,
    preferExamples: target === 'prism-mock',
    judge: createResponseJudge(spec, ajv, { liveTransactions: target !== 'prism-mock' }),
    recordOf: gate.recordOf,
    targetUrl: targetUrl.href,
    checks,
    judgements: new Map(),
  };
  const reportPath = resolve(options.reportPath ?? resolve('dist', 'contract', `${target}.xml`));
  // A stale report of an earlier run must not survive a run that fails to start; only a regular
  // file is removed (`--report /dev/null` must not delete the device).
  if (existsSync(reportPath) && statSync(reportPath).isFile()) rmSync(reportPath);

  // A scenario that waits for the server's own request timeout starts beside the others and runs
  // last in Dredd's order, so that the run waits for it only once. It starts when Dredd begins to
  // send, not before: Dredd's preparation holds this process's event loop, and the wait must
  // measure the server (which may listen in this process), not that preparation.
  const waiting = plan.run.filter((s) => transportOf(s.name).stallAfterBytes !== undefined);
  let waitingStarted = false;
  const startWaiting = () => {
    if (waitingStarted) return;
    waitingStarted = true;
    for (const scenario of waiting) {
      gate.startEarly(scenario.name, {
        path: offRampPath,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(substitute(scenario.requestBody))),
      });
    }
  };
  const ordered = [...plan.run.filter((s) => !waiting.includes(s)), ...waiting];

  const verdicts = new Map<string, { verdict: Verdict; message?: string }>();
  const record = (verdict: Verdict) => (test: DreddTest) => {
    const name = test.origin?.apiName;
    if (name) verdicts.set(name, { verdict, message: test.message });
  };
  const listen = (emitter: EventEmitter) => {
    emitter.on('test pass', record('pass'));
    emitter.on('test fail', record('fail'));
    emitter.on('test skip', record('fail'));
    emitter.on('test error', (error: Error, test: DreddTest) => record('fail')({ ...test, message: error.message }));
  };

  // Several runs may go on at once in this process: Dredd's hook file finds this one by its id.
  const registration = beginContractRun({
    dreddOutput: options.dreddOutput ?? false,
    register: (hooks) => {
      registerContractHooks(hooks, context);
      // One parameter: Dredd calls a hook of one parameter synchronously (none would never return).
      hooks.beforeAll((_transactions) => startWaiting());
    },
  });
  let dreddStats: DreddStats;
  try {
    dreddStats = await runDreddInBatches(
      {
        server: gate.url,
        apiDescriptions: ordered.map((s) => dreddDescriptionFor(s)),
        hookfiles: [hookfile],
        // Dredd's own reporters stay silent (the console one cannot be switched off); the runner
        // writes the JUnit report itself, from the judged results.
        reporter: [],
        output: [],
        loglevel: 'error',
        color: false,
        custom: { contractRunId: registration.id },
        // The gate answers within each exchange's deadline; this only guards against the gate itself.
        http: { timeout: deadlineMs + Math.max(0, ...ordered.map((s) => transportOf(s.name).deadlineMs ?? 0)) + 5_000 },
      },
      listen,
    );
  } finally {
    registration.end();
    await gate.close();
  }

  judgeRelations(derivation.relations, context, gate.recordOf);
  const results: ScenarioResult[] = selected.map((scenario) => {
    if (!context.scenarios.has(scenario.name))
      return { scenario, verdict: 'not run', checked: [], deviations: [], message: plan.notRun.find((n) => n.scenario === scenario)?.reason };
    const judgement = context.judgements.get(scenario.name);
    const deviations = redactDeviations(judgement?.deviations, redact);
    const outcome = verdicts.get(scenario.name) ?? { verdict: 'fail' as const, message: 'Dredd reported no result for this scenario' };
    // A deviation fails the scenario even if a reporter event got lost: the hooks have the last word,
    // and a scenario the hooks did not judge fails whatever Dredd said.
    const judged = judgement !== undefined;
    const verdict: Verdict = deviations.length > 0 || !judged ? 'fail' : outcome.verdict;
    const message = verdict === 'fail' && deviations.length === 0 ? redact(outcome.message ?? 'the answer was not judged') : undefined;
    return { scenario, verdict, checked: judgement?.checked ?? [], deviations, ...(message ? { message } : {}) };
  });
  const checksOnNoCase = options.checks?.length ? [...checks].filter((id) => !results.some((r) => r.checked.includes(id))) : [];
  const catalogRows = errorCatalogFromSpec(spec).length;
  const durationMs = Date.now() - started;
  writeJunitReport(reportPath, {
    name: `off-ramp contract (${target})`,
    durationMs,
    cases: results.map((r) => ({
      name: `${r.scenario.name} (POST ${r.scenario.status})`,
      verdict: r.verdict,
      lines: [...r.deviations.map(formatDeviation), ...(r.message ? [r.message] : [])],
    })),
  });
  return {
    target,
    server: redactUrl(targetUrl),
    results,
    catalogRows,
    catalogRowsCovered: rowsCovered(results),
    passed: results.every((r) => r.verdict !== 'fail') && results.some((r) => r.verdict === 'pass') && checksOnNoCase.length === 0,
    checks: [...checks],
    checksOnNoCase,
    skippedDerivations: derivation.skipped,
    reportPath,
    durationMs,
    dreddStats,
  };
}

/** Catalog rows answered right: some scenario expecting the row passed, and none failed. */
function rowsCovered(results: ScenarioResult[]): number {
  const rowOf = (r: ScenarioResult) => r.scenario.catalogRow?.name;
  const failed = new Set(results.filter((r) => r.verdict === 'fail').map(rowOf));
  return new Set(results.filter((r) => r.verdict === 'pass' && rowOf(r) && !failed.has(rowOf(r))).map(rowOf)).size;
}

/** The derived families a target can run: a mock answers only by the name of a spec example. */
function deriveFor(target: TargetKind, wanted: boolean, derive: () => DerivedSuite): DerivedSuite {
  if (!wanted) return { scenarios: [], relations: [], skipped: [] };
  if (target === 'prism-mock')
    return {
      scenarios: [],
      relations: [],
      skipped: derivedFamilies.map((family) => ({
        family,
        name: family,
        reason: 'the mock answers a request by the name of a spec example, and derived scenarios have none',
      })),
    };
  return derive();
}

/** Judges each relation whose scenarios all created a transaction; a deviation goes to its last scenario. */
function judgeRelations(relations: Relation[], context: ContractHookContext, recordOf: (name: string) => GateRecord | undefined): void {
  if (!context.checks.has('relation')) return;
  for (const relation of relations) {
    const judgements = relation.scenarios.map((name) => context.judgements.get(name));
    const terms = relation.scenarios.map((name) => {
      const record = recordOf(name);
      if (!record?.result.ok || record.result.status !== 201) return undefined;
      try {
        return (JSON.parse(record.result.body.toString('utf8')) as { data?: TransactionTerms }).data;
      } catch {
        return undefined;
      }
    });
    const last = judgements[judgements.length - 1];
    // A scenario of the relation that failed or did not run already fails on its own.
    if (!last || judgements.some((j) => !j || j.deviations.length > 0) || terms.some((t) => typeof t !== 'object' || t === null)) continue;
    last.checked.push('relation');
    last.deviations.push(...relation.check(terms as TransactionTerms[]));
  }
}

function redactDeviations(deviations: Deviation[] | undefined, redact: Redactor): Deviation[] {
  return (deviations ?? []).map((d) => ({
    ...d,
    ...(d.subject ? { subject: redact(d.subject) } : {}),
    expected: redact(d.expected),
    actual: redact(d.actual),
  }));
}

/** How long a server may wait for a stalled request: the seconds its catalog row's message names. */
function stalledRequestLimitMs(scenario: Scenario): number {
  const seconds = /within (\d+) seconds/.exec(scenario.catalogRow?.message ?? '')?.[1];
  if (!seconds) throw new Error(`Scenario ${scenario.name} stalls its request, but its catalog row names no limit in seconds`);
  return Number(seconds) * 1000;
}
