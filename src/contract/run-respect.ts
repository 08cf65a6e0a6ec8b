// Runs the contract's scenarios with Redocly's Arazzo runner (`redocly respect`, the pinned
// @redocly/cli), a second runner that shares nothing with ours but the generated Arazzo document.
// The keys travel as workflow inputs in the environment (never on a command line), respect masks
// them as `format: password` inputs, and its output passes through the redactor all the same.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { padJsonBody } from '../../scripts/lib/arazzo-scenarios.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { createRedactor } from '../http/secret-redaction.ts';
import { checkFixtureKeys, defaultFixturesPath, fixtureSecrets, fixtureSubstitution, loadFixtures, type FixtureSubstitution } from './fixtures.ts';
import { apiKeyInputName, contractScenarios, defaultArazzoPath, loadArazzo } from './scenarios.ts';
import { loadBundledSpec } from '../../scripts/lib/spec-schemas.ts';

export interface RespectRunOptions {
  /** Base URL of the server under test. */
  server: string;
  /** Fixtures the server honours; the default fixtures otherwise. */
  fixturesPath?: string;
  /** Where respect writes its JSON log (keys masked). */
  jsonOutputPath?: string;
  arazzoPath?: string;
  /** Per-request limit, milliseconds (respect's --max-fetch-timeout). Default 10 s. */
  requestTimeoutMs?: number;
}

export interface RespectRunResult {
  exitCode: number | null;
  /** respect's console output, redacted. */
  output: string;
  /** Workflows left out: respect cannot stall a request part-way. */
  skipped: string[];
}

const redocly = resolve(projectRoot, 'node_modules', '.bin', 'redocly');
const specYaml = resolve(projectRoot, 'generated', 'openapi.yaml');

type Payloads = { workflows: { steps: { requestBody?: { payload: unknown } }[] }[] };

/** The document with a partner's fixture values in every body (the padded one keeps its size). */
function withFixtures(document: Payloads, substitute: FixtureSubstitution): void {
  for (const step of document.workflows.flatMap((w) => w.steps)) {
    if (!step.requestBody) continue;
    const { payload } = step.requestBody;
    step.requestBody.payload = typeof payload === 'string' ? padJsonBody(JSON.stringify(substitute(JSON.parse(payload))), Buffer.byteLength(payload)) : substitute(payload);
  }
}

export async function runRespect(options: RespectRunOptions): Promise<RespectRunResult> {
  const defaults = loadFixtures(defaultFixturesPath);
  const chosen = options.fixturesPath ? loadFixtures(options.fixturesPath) : defaults;
  checkFixtureKeys(chosen);
  const redact = createRedactor(fixtureSecrets(chosen));
  const arazzoPath = options.arazzoPath ?? defaultArazzoPath;
  const skipped = contractScenarios(loadBundledSpec(), loadArazzo(arazzoPath)).filter((s) => s.stallAfterBytes !== undefined).map((s) => s.name);
  const inputs = Object.fromEntries(fixtureSecrets(chosen).map(({ label, value }) => [apiKeyInputName(label.replace(/^apiKeys\./, '')), value]));

  // A copy beside nothing: its source description is the bundled spec, by absolute path.
  const work = mkdtempSync(join(tmpdir(), 'off-ramp-respect-'));
  try {
    const document = loadArazzo(arazzoPath) as unknown as Payloads & { sourceDescriptions: { url: string }[] };
    for (const source of document.sourceDescriptions) source.url = specYaml;
    withFixtures(document, fixtureSubstitution(defaults, chosen));
    const copy = join(work, 'off-ramp.arazzo.yaml');
    writeFileSync(copy, stringify(document, { lineWidth: 0 }));
    const args = ['respect', copy, '--server', `offRamp=${options.server}`, '--max-fetch-timeout', String(options.requestTimeoutMs ?? 10_000), ...skipped.flatMap((name) => ['--skip', name])];
    if (options.jsonOutputPath) args.push('--json-output', resolve(options.jsonOutputPath));
    return await new Promise((done) => {
      const child = spawn(redocly, args, { cwd: work, env: { ...process.env, REDOCLY_CLI_RESPECT_INPUT: JSON.stringify(inputs), REDOCLY_TELEMETRY: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (exitCode) => done({ exitCode, output: redact(output), skipped }));
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
