// Dredd loads without a deprecation warning on today's Node: its htmlencode 0.0.4 calls
// `util._extend` (DEP0060 from Node 22 on); the `overrides` entry in package.json gives it 0.0.5,
// which uses Object.assign.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

test('requiring dredd under --throw-deprecation succeeds', () => {
  const run = spawnSync(process.execPath, ['--throw-deprecation', '-e', "require('dredd')"], { cwd: projectRoot, encoding: 'utf8' });
  expect(run.stderr).not.toMatch(/DEP0\d+|DeprecationWarning/);
  expect(run.status, run.stderr).toBe(0);
});
