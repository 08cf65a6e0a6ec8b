// Builds dist/: tsc compiles src/ and generated/*.ts; the standalone validators (already plain
// ESM JavaScript with a .d.ts) are copied beside them. `prepack` runs it.
import { copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from './lib/generated-dir.ts';
import { runBin } from './lib/run-bin.ts';

const dist = resolve(projectRoot, 'dist');
console.log(`build: src/ and generated/ -> ${dist}`);
rmSync(dist, { recursive: true, force: true });
runBin('tsc', ['-p', resolve(projectRoot, 'tsconfig.build.json')]);
for (const file of ['off-ramp-request-validators.js', 'off-ramp-request-validators.d.ts', 'off-ramp-response-validators.js', 'off-ramp-response-validators.d.ts']) {
  copyFileSync(resolve(projectRoot, 'generated', file), join(dist, 'generated', file));
}
