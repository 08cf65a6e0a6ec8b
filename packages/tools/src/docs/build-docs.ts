// Builds the docs page from a bundled spec with Redocly: `redocly bundle` applies the presentation
// decorator (docs-presentation-plugin.ts) with docs-page/redocly.yaml, then `redocly build-docs`
// renders the result with the options and the page template there. --inlineBundle puts Redoc's
// script into the page, so it works from file:// with the network off; telemetry is off for the
// CLI and the page.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binEntry, bundledSpecPath } from '../spec/contract-files.ts';

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
  const redocly = (args: string[]) =>
    execFileSync(process.execPath, [binEntry('@redocly/cli', 'redocly'), ...args, '--config', docsConfigPath], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    });
  log(`docs: redocly bundle (presentation decorator) ${specPath} -> ${input}`);
  redocly(['bundle', specPath, '--output', input]);
  log(`docs: redocly build-docs -> ${page}`);
  redocly(['build-docs', input, '--inlineBundle', '--output', page]);
  return { page, input };
}
