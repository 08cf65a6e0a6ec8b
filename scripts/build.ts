// Builds both packages' dist/ (ESM + .d.ts; `prepack` of each package runs it): the client first,
// since the tools import it by name from its built declarations. The standalone validators
// (already plain ESM JavaScript with a .d.ts) and the CommonJS files other processes load (Dredd's
// hook file, Prism's preload) are copied beside the compiled code, the LICENSE into each package.
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
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
// The CommonJS files that other processes load by path (Dredd's hook file, Prism's preload): tsc leaves them out.
for (const file of readdirSync(join(packagesDir, 'tools', 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.cjs'))) {
  copyFileSync(join(packagesDir, 'tools', 'src', file), join(toolsDist, file));
}
recordBuildStamp(inputsDigest);
