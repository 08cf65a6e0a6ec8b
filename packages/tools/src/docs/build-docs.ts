// Builds the docs page from a bundled spec with Redocly's build-docs: the presentation step first
// (docs-presentation.ts), then Redoc with the options and the page template shipped beside this
// package (docs-page/redocly.yaml). --inlineBundle puts Redoc's script into the page, so it works
// from file:// with the network off; telemetry is off for the CLI and the page.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binEntry, bundledSpecPath } from '../spec/contract-files.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';
import { docsPresentation } from './docs-presentation.ts';

/** Redoc's options and the page template. */
export const docsConfigPath = fileURLToPath(new URL('../../docs-page/redocly.yaml', import.meta.url));

export interface DocsBuild {
  /** The self-contained page. */
  page: string;
  /** The spec as Redoc reads it, kept for inspection. */
  input: string;
}

/** Writes `index.html` and `openapi.presentation.json` into `outDir`; throws with Redocly's output on failure. */
export function buildDocs(outDir: string, specPath = bundledSpecPath, log: (line: string) => void = () => {}): DocsBuild {
  const input = join(outDir, 'openapi.presentation.json');
  const page = join(outDir, 'index.html');
  mkdirSync(outDir, { recursive: true });
  log(`docs: ${specPath} -> ${input} (presentation for Redoc 3)`);
  writeFileSync(input, `${JSON.stringify(docsPresentation(loadBundledSpec(specPath)), null, 2)}\n`);
  log(`docs: redocly build-docs -> ${page}`);
  execFileSync(process.execPath, [binEntry('@redocly/cli', 'redocly'), 'build-docs', input, '--inlineBundle', '--output', page, '--config', docsConfigPath], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  return { page, input };
}
