// `npm start`'s own step (scripts/start.ts; lint:spec and generate are tested elsewhere): the
// reference implementation and the mock on free ports, the suite against both, a coverage table,
// everything stopped afterwards, and a non-zero exit when a scenario fails.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { errorCatalogFromSpec } from '../../packages/tools/src/spec/error-catalog.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { contractScenarios } from '../../packages/tools/src/contract/scenarios.ts';
import { runScript } from '../../support/run-script.ts';
import { derivedNames } from '../support/derived.ts';
import { processesMentioning } from '../support/processes.ts';

const scenarioCount = contractScenarios(loadBundledSpec()).length;
const catalogRows = errorCatalogFromSpec(loadBundledSpec()).length;
const work = mkdtempSync(join(tmpdir(), 'off-ramp-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each run writes its reports and Prism's log to a folder of its own: the first two run at once.
const start = (name: string, args: string[] = []) => runScript('scripts/start.ts', ['--out', join(work, name), ...args]);

const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

describe('npm start', () => {
  // Both wait for the reference implementation's 10 s request timeout: they run at once.
  test.concurrent('every scenario passes against the reference implementation and the mock; both are stopped afterwards', async () => {
    const { code, output } = await start('passing');
    expect(output).toMatch(/^Scenario +Status +reference +mock$/m);
    const all = (n: number) => `${n}/${n} +${n}/${n}`;
    // The reference implementation runs the derived scenarios too; the mock only the named ones.
    const server = scenarioCount + derivedNames.length;
    expect(output).toMatch(new RegExp(`^Scenarios passed +${server}/${server} +${scenarioCount}/${scenarioCount}$`, 'm'));
    expect(output).toMatch(new RegExp(`^Catalog rows covered +${all(catalogRows)}$`, 'm'));
    expect(output).toMatch(/^start: PASSED in /m);
    expect(code).toBe(0);
    const reports = join(work, 'passing', 'contract');
    expect(output).toContain(`JUnit report ${join(reports, 'reference.xml')}`);
    expect(readFileSync(join(reports, 'mock.xml'), 'utf8')).toMatch(/<testsuite[^>]* failures="0"/);
    const urls = [...output.matchAll(/^start: (?:reference implementation|Prism mock) on (http:\/\/\S+)/gm)].map((m) => m[1]!);
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(await answers(url)).toBe(false);
  });

  test.concurrent('a scenario the reference implementation fails makes it exit 1 and say which', async () => {
    // A spec in which the QuoteExpired row's message gained a full stop: the mock serves the new
    // example, the reference implementation still answers the old message.
    const spec = loadBundledSpec() as any;
    const row = spec.components.schemas.BadRequestError.properties.error.allOf[1].oneOf.find((r: { title: string }) => r.title === 'QuoteExpired');
    row.properties.message.const = 'Quote has expired.';
    spec.components.examples.QuoteExpiredResponse.value.error.message = 'Quote has expired.';
    const specPath = join(work, 'changed-openapi.json');
    writeFileSync(specPath, JSON.stringify(spec));

    // --named-only: the changed row is a named scenario's (and the option is exercised here).
    const { code, output } = await start('failing', ['--spec', specPath, '--named-only']);
    expect(output).toMatch(/^QuoteExpired +400 +FAIL +PASS$/m);
    expect(output).toMatch(new RegExp(`^Scenarios passed +${scenarioCount - 1}/${scenarioCount} +${scenarioCount}/${scenarioCount}$`, 'm'));
    expect(output).toContain('[catalog-message]: expected "Quote has expired.", actual "Quote has expired"');
    expect(output).toMatch(/^start: reference: FAILED/m);
    expect(output).toMatch(/^start: FAILED in /m);
    expect(code).toBe(1);
  });

  test('SIGTERM while it runs stops the reference implementation and Prism, exit 130', async () => {
    // A copy of the spec with a name of its own, to find this run's Prism among the processes.
    const specPath = join(work, `signal-${process.pid}-openapi.json`);
    copyFileSync(join(projectRoot, 'packages/client/generated', 'openapi.json'), specPath);
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts/start.ts'), '--spec', specPath, '--out', join(work, 'signal')], {
      cwd: projectRoot,
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const exit = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const referenceUrl = await new Promise<string>((resolve) => {
      child.stdout.on('data', () => {
        const ready = /^start: reference implementation on (http:\/\/\S+)/m.exec(output);
        if (ready) resolve(ready[1]!);
      });
    });
    child.kill('SIGTERM');
    expect(await exit).toBe(130);
    expect(output).toContain('start: SIGTERM, stopping the servers');
    expect(await answers(referenceUrl)).toBe(false);
    expect(processesMentioning(specPath)).toEqual([]);
  });
});
