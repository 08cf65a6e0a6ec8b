// Builds both packages' dist/ (ESM + .d.ts; `prepack` of each package runs it): the client first,
// since the tools import it by name from its built declarations. The standalone validators
// (already plain ESM JavaScript with a .d.ts) and the Dredd hook file are copied beside the
// compiled code, and the repository's LICENSE into each package.
import { copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildInputsDigest, forgetBuildStamp, recordBuildStamp } from './lib/build-inputs.ts';
import { committedGeneratedDir, projectRoot } from './lib/generated-dir.ts';
import { runBin } from './lib/run-bin.ts';

const packagesDir = resolve(projectRoot, 'packages');
const validators = [
  'off-ramp-request-validators.js',
  'off-ramp-request-validators.d.ts',
  'off-ramp-response-validators.js',
  'off-ramp-response-validators.d.ts',
];

function compile(name: string): string {
  const dir = join(packagesDir, name);
  const dist = join(dir, 'dist');
  console.log(`build: packages/${name} -> ${dist}`);
  rmSync(dist, { recursive: true, force: true });
  runBin('tsc', ['-p', join(dir, 'tsconfig.build.json')]);
  copyFileSync(resolve(projectRoot, 'LICENSE'), join(dir, 'LICENSE'));
  return dist;
}

// The digest of what this build reads, taken before it reads it (an edit meanwhile makes it stale).
const inputsDigest = buildInputsDigest();
forgetBuildStamp();
const clientDist = compile('client');
for (const file of validators) copyFileSync(join(committedGeneratedDir, file), join(clientDist, 'generated', file));
const toolsDist = compile('tools');
copyFileSync(join(packagesDir, 'tools', 'src', 'contract', 'dredd-hookfile.cjs'), join(toolsDist, 'contract', 'dredd-hookfile.cjs'));
recordBuildStamp(inputsDigest);
