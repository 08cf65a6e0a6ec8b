// Runs every generator in pipeline order: spec bundle first, everything else reads it.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from './lib/generated-dir.ts';

export const generators = [
  'bundle.ts',
  'generate-arazzo.ts',
  'generate-types.ts',
  'generate-error-catalog.ts',
  'generate-protocol.ts',
  'generate-validator.ts',
];

for (const script of generators) {
  execFileSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', script)], { stdio: 'inherit', cwd: projectRoot });
}
