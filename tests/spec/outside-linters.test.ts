// Outside tools can use the spec and the scenarios as they are: Spectral and Redocly, with their
// stock rules only, find nothing in the bundle or the Arazzo document, and each finds the fault
// in a copy with an invalid media-type example or a workflow without steps.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { redoclyRecommendedFindings, spectralFindings } from '../support/outside-linters.ts';
import { spec } from '../support/spec.ts';

const bundle = resolve(projectRoot, 'packages/client/generated/openapi.json');
const arazzo = resolve(projectRoot, 'packages/client/generated/off-ramp.arazzo.yaml');
const work = mkdtempSync(join(tmpdir(), 'off-ramp-outside-linters-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the bundle whose FiatAmountToMexico request example breaks the schema. */
function bundleWithInvalidExample(): string {
  const broken = structuredClone(spec) as any;
  broken.components.examples.FiatAmountToMexicoRequest.value.fiatAmount = 'fifteen hundred';
  const path = join(work, 'openapi.json');
  writeFileSync(path, JSON.stringify(broken));
  return path;
}

/** A copy of the Arazzo document (naming the bundle) with a workflow without its required id. */
function arazzoWithoutWorkflowId(): string {
  const broken = parse(readFileSync(arazzo, 'utf8'));
  delete broken.workflows[0].workflowId;
  broken.sourceDescriptions[0].url = resolve(projectRoot, 'packages/client/generated/openapi.yaml');
  const path = join(work, 'off-ramp.arazzo.yaml');
  writeFileSync(path, stringify(broken, { lineWidth: 0 }));
  return path;
}

describe('Spectral (spectral:oas, spectral:arazzo)', () => {
  test('finds nothing in the bundle and the Arazzo scenarios', () => {
    expect(spectralFindings([bundle, arazzo])).toEqual({ [bundle]: [], [arazzo]: [] });
  });

  test('reports an invalid media-type example and a workflow without its id (both copies in one run)', () => {
    const [brokenBundle, brokenArazzo] = [bundleWithInvalidExample(), arazzoWithoutWorkflowId()];
    const findings = spectralFindings([brokenBundle, brokenArazzo]);
    expect(findings[brokenBundle]).toContain('oas3-valid-media-example');
    expect(findings[brokenArazzo]!.length).toBeGreaterThan(0);
  });
});

describe('Redocly (recommended)', () => {
  test('finds nothing in the bundle and the Arazzo scenarios', () => {
    expect(redoclyRecommendedFindings([bundle, arazzo])).toEqual([]);
  });

  test('reports an invalid media-type example and a workflow without its id', () => {
    expect(redoclyRecommendedFindings([bundleWithInvalidExample()])).toContain('no-invalid-media-type-examples');
    expect(redoclyRecommendedFindings([arazzoWithoutWorkflowId()]).length).toBeGreaterThan(0);
  });
});
