// `npm run lint:code` is Biome's check with biome.jsonc: it passes formatted, clean code and fails
// on code the formatter would change and on a recommended lint rule, in library code and tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

const biome = resolve(projectRoot, 'node_modules/.bin/biome');
// Inside the repository, so that biome.jsonc applies as to every other file; at its root, outside
// the folders other tests read file by file (tests/, support/, bench/), which must not see it come and go.
const scratch = mkdtempSync(join(projectRoot, '.biome-scratch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(source: string, name = 'example.ts'): number | null {
  const file = join(scratch, name);
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, source);
  return spawnSync(biome, ['check', file], { cwd: projectRoot, encoding: 'utf8' }).status;
}

describe('Biome check', () => {
  test('passes formatted code that breaks no rule', () => {
    expect(check('const answer = { status: 201 };\nexport default answer;\n', 'clean.ts')).toBe(0);
  });

  test('fails on code the formatter would change', () => {
    expect(check('const answer = {status:201}\nexport default answer\n', 'unformatted.ts')).toBe(1);
  });

  test('fails on a recommended lint rule (an untyped `let`)', () => {
    expect(check('let answer;\nanswer = 201;\nexport default answer;\n', 'untyped-let.ts')).toBe(1);
  });
});
