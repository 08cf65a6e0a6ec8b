// The built declarations compile in a consumer's project (tests/fixtures/consumer: its own
// compiler settings, library declarations checked), importing the package by name.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

test("the package's types compile under a consumer's settings, and reject an invalid body there", () => {
  const tsc = resolve(projectRoot, 'node_modules/.bin/tsc');
  const run = () => execFileSync(tsc, ['-p', resolve(projectRoot, 'tests/fixtures/consumer')], { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe' });
  expect(run).not.toThrow();
});
