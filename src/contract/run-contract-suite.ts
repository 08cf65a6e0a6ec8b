// Runs the contract suite: one Dredd process (this one), one transaction per scenario of the spec.
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCatalogFromSpec } from '../../scripts/lib/error-catalog.ts';
import { createSpecAjv, loadBundledSpec, schemaValidator } from '../../scripts/lib/spec-schemas.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import type { Deviation } from './checks/deviation.ts';
import { registerContractHooks, type ContractHookContext } from './contract-hooks.ts';
import { Dredd, dreddReporterOutput, type DreddHooks, type DreddStats, type DreddTest } from './dredd-api.ts';
import { defaultFixturesPath, fixtureSubstitution, loadFixtures } from './fixtures.ts';
import { createResponseJudge } from './judge-response.ts';
import { dreddDescriptionFor } from './scenario-descriptions.ts';
import { scenariosFromSpec, type Scenario } from './scenarios.ts';
import { planScenarios, type TargetKind } from './targets.ts';

export interface ContractRunOptions {
  /** Base URL of the server under test, e.g. http://127.0.0.1:4010. */
  server: string;
  /** Fixtures the server honours; defaults to tests/contract/fixtures.json. */
  fixturesPath?: string;
  target?: TargetKind;
  /** Where the JUnit (xunit) report goes; defaults to dist/contract/<target>.xml. */
  reportPath?: string;
  /** Bundled spec to take the scenarios from; defaults to generated/openapi.json. */
  specPath?: string;
  /** Run only these scenarios (names of the spec's examples). */
  only?: string[];
  /** Also print Dredd's own console report. */
  dreddOutput?: boolean;
  /** How long to wait for each answer; default 10 s. A server that hangs fails the scenario. */
  requestTimeoutMs?: number;
}

export type Verdict = 'pass' | 'fail' | 'not run';

export interface ScenarioResult {
  scenario: Scenario;
  verdict: Verdict;
  deviations: Deviation[];
  /** Dredd's message for a failure the hooks did not see (no answer, hook error). */
  message?: string;
}

export interface ContractRunResult {
  target: TargetKind;
  server: string;
  results: ScenarioResult[];
  /** Catalog rows of the spec, and how many of them a passing scenario covered. */
  catalogRows: number;
  catalogRowsCovered: number;
  passed: boolean;
  reportPath: string;
  durationMs: number;
  dreddStats: DreddStats;
}

const hookfile = resolve(dirname(fileURLToPath(import.meta.url)), 'dredd-hookfile.cjs');
const registerHooksKey = Symbol.for('off-ramp-contract.register-dredd-hooks');
type GlobalWithHooks = typeof globalThis & { [registerHooksKey]?: (hooks: DreddHooks) => void };

export async function runContractSuite(options: ContractRunOptions): Promise<ContractRunResult> {
  const started = Date.now();
  const target = options.target ?? 'server';
  if (target === 'prism-mock' && options.fixturesPath) {
    throw new Error('The Prism mock answers with the spec\'s examples, which are written with the default fixtures: run --target prism-mock without --fixtures');
  }
  const spec = loadBundledSpec(options.specPath);
  const defaults = loadFixtures(defaultFixturesPath);
  const substitute = fixtureSubstitution(defaults, options.fixturesPath ? loadFixtures(options.fixturesPath) : defaults);
  const allScenarios = scenariosFromSpec(spec);
  const unknown = (options.only ?? []).filter((name) => !allScenarios.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`No scenario named ${unknown.join(', ')} in the spec`);
  const selected = options.only?.length ? allScenarios.filter((s) => options.only!.includes(s.name)) : allScenarios;

  const ajv = createSpecAjv(spec);
  const requestValidator = schemaValidator(ajv, 'OffRampRequest');
  const plan = planScenarios(target, selected, (s) => s.apiKeyFixture !== null && requestValidator(substitute(s.requestBody)) === true);

  const context: ContractHookContext = {
    scenarios: new Map(plan.run.map((s) => [s.name, s])),
    substitute,
    preferExamples: target === 'prism-mock',
    judge: createResponseJudge(spec, ajv, { liveTransactions: target !== 'prism-mock' }),
    deviations: new Map(),
  };
  const reportPath = resolve(options.reportPath ?? resolve(projectRoot, 'dist', 'contract', `${target}.xml`));
  mkdirSync(dirname(reportPath), { recursive: true });
  rmSync(reportPath, { force: true });

  const verdicts = new Map<string, { verdict: Verdict; message?: string }>();
  const emitter = new EventEmitter();
  const record = (verdict: Verdict) => (test: DreddTest) => {
    const name = test.origin?.apiName;
    if (name) verdicts.set(name, { verdict, message: test.message });
  };
  emitter.on('test pass', record('pass'));
  emitter.on('test fail', record('fail'));
  emitter.on('test skip', record('fail'));
  emitter.on('test error', (error: Error, test: DreddTest) => record('fail')({ ...test, message: error.message }));

  const globalHooks = globalThis as GlobalWithHooks;
  if (globalHooks[registerHooksKey]) throw new Error('Another contract run is in progress in this process; run them one after another');
  globalHooks[registerHooksKey] = (hooks) => registerContractHooks(hooks, context);
  const reporterConsole = dreddReporterOutput.default.transports.console;
  const reporterWasSilent = reporterConsole.silent;
  reporterConsole.silent = !options.dreddOutput;
  let dreddStats: DreddStats;
  try {
    dreddStats = await new Promise<DreddStats>((resolvePromise, reject) => {
      if (plan.run.length === 0) return reject(new Error('No scenario to run'));
      new Dredd({
        server: options.server,
        apiDescriptions: plan.run.map((s) => dreddDescriptionFor(s, defaults)),
        hookfiles: [hookfile],
        reporter: ['xunit'],
        output: [reportPath],
        loglevel: 'error',
        color: false,
        emitter,
        http: { timeout: options.requestTimeoutMs ?? 10_000 },
      }).run((error, stats) => (error ? reject(error) : resolvePromise(stats)));
    });
  } finally {
    delete globalHooks[registerHooksKey];
    reporterConsole.silent = reporterWasSilent;
  }

  const results: ScenarioResult[] = selected.map((scenario) => {
    if (!context.scenarios.has(scenario.name)) return { scenario, verdict: 'not run', deviations: [], message: plan.notRun.find((n) => n.scenario === scenario)?.reason };
    const deviations = context.deviations.get(scenario.name) ?? [];
    const outcome = verdicts.get(scenario.name) ?? { verdict: 'fail' as const, message: 'Dredd reported no result for this scenario' };
    // A deviation fails the scenario even if a reporter event got lost: the hooks have the last word.
    const verdict: Verdict = deviations.length > 0 ? 'fail' : outcome.verdict;
    return { scenario, verdict, deviations, ...(verdict === 'fail' && deviations.length === 0 && outcome.message ? { message: outcome.message } : {}) };
  });
  const catalogRows = errorCatalogFromSpec(spec).length;
  return {
    target,
    server: options.server,
    results,
    catalogRows,
    catalogRowsCovered: results.filter((r) => r.scenario.catalogRow && r.verdict === 'pass').length,
    passed: results.every((r) => r.verdict !== 'fail') && results.some((r) => r.verdict === 'pass'),
    reportPath,
    durationMs: Date.now() - started,
    dreddStats,
  };
}
