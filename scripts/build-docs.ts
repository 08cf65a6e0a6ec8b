// Builds the docs page dist/docs/index.html from the bundled spec (the tools package's docs build).
// Usage: tsx scripts/build-docs.ts [bundled-spec.json]   (default: the committed openapi.json)
import { join, resolve } from 'node:path';
import { buildDocs } from '../packages/tools/src/docs/build-docs.ts';
import { docsDir } from './lib/docs-paths.ts';
import { committedGeneratedDir } from './lib/generated-dir.ts';

const specPath = resolve(process.argv[2] ?? join(committedGeneratedDir, 'openapi.json'));
const { page } = buildDocs(docsDir, specPath, (line) => console.log(line));
console.log(`docs: open file://${page}`);
