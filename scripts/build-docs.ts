// Builds the docs page dist/docs/index.html from the bundled spec with Redocly's build-docs.
// Redoc's options, the page template and the theme come from redocly.yaml (`openapi:`), and
// `telemetry: off` there keeps readers' browsers from reporting to Redocly. --inlineBundle puts
// Redoc's script into the page, so it works from file:// with the network off.
// Usage: tsx scripts/build-docs.ts [bundled-spec.json]   (default: generated/openapi.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { docsPresentation } from './lib/docs-presentation.ts';
import { docsDir, docsPage, docsInput } from './lib/docs-paths.ts';
import { runBin } from './lib/run-bin.ts';
import { loadBundledSpec } from './lib/spec-schemas.ts';

const specPath = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..', 'generated', 'openapi.json'));
mkdirSync(docsDir, { recursive: true });
console.log(`docs: ${specPath} -> ${docsInput} (presentation for Redoc 3)`);
writeFileSync(docsInput, JSON.stringify(docsPresentation(loadBundledSpec(specPath)), null, 2) + '\n');
console.log(`docs: redocly build-docs -> ${docsPage}`);
runBin('redocly', ['build-docs', docsInput, '--inlineBundle', '--output', docsPage]);
console.log(`docs: open file://${docsPage}`);
