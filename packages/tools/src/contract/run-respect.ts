// Runs the contract's scenarios with Redocly's Arazzo runner (`redocly respect`, the pinned
// @redocly/cli): a second runner that shares nothing with ours but the generated Arazzo document.
// respect follows redirects and prints what it sends, so it never holds a key here: it runs a copy
// of the document whose workflows name their scenario (`x-contract-scenario`) instead of sending a
// key, against the exchange gate, which adds the scenario's key, bounds the exchange and relays
// the answer without a Location to follow. A partner's fixture values are put into the bodies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { padJsonBody } from '../spec/arazzo-scenarios.ts';
import { binEntry, bundledSpecYamlPath } from '../spec/contract-files.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';
import { createRedactor, urlSecrets } from '../http/secret-redaction.ts';
import { scenarioHeader, startExchangeGate } from './exchange-gate.ts';
import { checkFixtureKeys, defaultFixturesPath, fixtureAt, fixtureSecrets, fixtureSubstitution, loadFixtures, type FixtureSubstitution } from './fixtures.ts';
import { contractScenarios, defaultArazzoPath, loadArazzo } from './scenarios.ts';
import { apiKeyHeader } from '@off-ramp/client';
import { defaultExchangeLimits } from '../http/bounded-exchange.ts';

export interface RespectRunOptions {
  /** Base URL of the server under test. */
  server: string;
  /** Fixtures the server honours; the default fixtures otherwise. */
  fixturesPath?: string;
  /** Where respect writes its JSON log. */
  jsonOutputPath?: string;
  arazzoPath?: string;
  /** Deadline of each exchange, milliseconds. Default 10 s. */
  requestTimeoutMs?: number;
}

export interface RespectRunResult {
  exitCode: number | null;
  /** respect's console output, redacted. */
  output: string;
  /** Workflows left out: respect cannot stall a request part-way. */
  skipped: string[];
}

const redocly = binEntry('@redocly/cli', 'redocly');
const specYaml = bundledSpecYamlPath;

type Parameter = { name: string; in: string; value: unknown };
type Workflow = { workflowId: string; inputs?: unknown; steps: { parameters?: Parameter[]; requestBody?: { payload: unknown } }[] };

/** The copy respect runs: no key, the scenario named instead, a partner's values in the bodies. */
function keylessCopy(workflows: Workflow[], substitute: FixtureSubstitution): void {
  for (const workflow of workflows) {
    delete workflow.inputs;
    for (const step of workflow.steps) {
      step.parameters = [
        ...(step.parameters ?? []).filter((p) => p.name.toLowerCase() !== apiKeyHeader),
        { name: scenarioHeader, in: 'header', value: workflow.workflowId },
      ];
      if (!step.requestBody) continue;
      const { payload } = step.requestBody;
      step.requestBody.payload =
        typeof payload === 'string' ? padJsonBody(JSON.stringify(substitute(JSON.parse(payload))), Buffer.byteLength(payload)) : substitute(payload);
    }
  }
}

export async function runRespect(options: RespectRunOptions): Promise<RespectRunResult> {
  const target = new URL(options.server);
  if (!['http:', 'https:'].includes(target.protocol)) throw new Error('--server must be an http:// or https:// URL');
  const defaults = loadFixtures(defaultFixturesPath);
  const chosen = options.fixturesPath ? loadFixtures(options.fixturesPath) : defaults;
  checkFixtureKeys(chosen);
  const substitute = fixtureSubstitution(defaults, chosen);
  const redact = createRedactor([...fixtureSecrets(chosen), ...urlSecrets(target)]);
  const arazzoPath = options.arazzoPath ?? defaultArazzoPath;
  const scenarios = contractScenarios(loadBundledSpec(), loadArazzo(arazzoPath));
  const skipped = scenarios.filter((s) => s.stallAfterBytes !== undefined).map((s) => s.name);
  const keyOf = new Map(scenarios.map((s) => [s.name, s.apiKeyFixture === null ? undefined : String(substitute(fixtureAt(defaults, s.apiKeyFixture)))]));

  const gate = await startExchangeGate(
    target,
    { ...defaultExchangeLimits, deadlineMs: options.requestTimeoutMs ?? defaultExchangeLimits.deadlineMs },
    (name): { headers: Record<string, string> } => {
      const key = keyOf.get(name);
      return { headers: key === undefined ? {} : { [apiKeyHeader]: key } };
    },
    'answer',
  );
  const work = mkdtempSync(join(tmpdir(), 'off-ramp-respect-'));
  try {
    const document = loadArazzo(arazzoPath) as unknown as { sourceDescriptions: { url: string }[]; workflows: Workflow[] };
    for (const source of document.sourceDescriptions) source.url = specYaml;
    keylessCopy(document.workflows, substitute);
    const copy = join(work, 'off-ramp.arazzo.yaml');
    writeFileSync(copy, stringify(document, { lineWidth: 0 }));
    const args = ['respect', copy, '--server', `offRamp=${gate.url}`, ...skipped.flatMap((name) => ['--skip', name])];
    if (options.jsonOutputPath) args.push('--json-output', resolve(options.jsonOutputPath));
    return await new Promise((done) => {
      const child = spawn(process.execPath, [redocly, ...args], {
        cwd: work,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (exitCode) => done({ exitCode, output: redact(output), skipped }));
    });
  } finally {
    await gate.close();
    rmSync(work, { recursive: true, force: true });
  }
}
