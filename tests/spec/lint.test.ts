// The spec passes our own lint gate and an independent OpenAPI 3.1 validator.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { spec } from '../support/spec.ts';

describe('spec lint and validity', () => {
  test('redocly lint reports zero problems', () => {
    const run = spawnSync(resolve(projectRoot, 'node_modules/.bin/redocly'), ['lint', '--max-problems', '1000'], { cwd: projectRoot, encoding: 'utf8' });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(0);
    expect(output).toContain('Your API description is valid');
    // Problems print as 'warning' / 'error' lines; the Node 20 deprecation banner is not a problem.
    expect(output.replace(/Deprecation warning: Node.js 20/, '')).not.toMatch(/\b(warning|error)\b/i);
  });

  test('the bundle is OpenAPI 3.1 by the official schema (an independent validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(resolve(projectRoot, 'packages/client/generated/openapi.json'));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('the JSON and YAML bundles hold the same document', () => {
    const yaml = parse(readFileSync(resolve(projectRoot, 'packages/client/generated/openapi.yaml'), 'utf8'));
    expect(yaml).toEqual(spec);
  });
});
