// Vitest global setup: builds dist/ (npm run build) so that tests which import the package by
// name (type tests, the packed-files test) see the current sources.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

export default function buildPackage(): void {
  execFileSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', 'build.ts')], { cwd: projectRoot, stdio: 'inherit' });
}
