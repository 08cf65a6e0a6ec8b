// Vitest global setup: builds dist/ (npm run build) so that tests which import the package by
// name (type tests, the packed-files test) and those that run the built bin see the current
// sources. `npm ci` has usually just built it: when the last build read the inputs as they are
// now (scripts/lib/build-inputs.ts), it is not built twice.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { distMatchesInputs } from '../../scripts/lib/build-inputs.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

export default function buildPackage(): void {
  if (distMatchesInputs()) {
    console.log('build: dist/ was built from the current sources; not built again');
    return;
  }
  execFileSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', 'build.ts')], { cwd: projectRoot, stdio: 'inherit' });
}
