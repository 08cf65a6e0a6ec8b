// Size of what a browser app ships for the client with its preflight (esbuild, minified, gzip -9),
// built from dist/ (run `npm run build` first), with the share of each input.
// Target: under 15 kB minified+gzipped.
import { bundleForBrowser } from '../../support/browser-bundle.ts';
import { printTable } from '../support/table.ts';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const full = await bundleForBrowser();
const checksumLibraries = ['clabe-validator', 'ibantools', 'abavalidator'];
const withoutChecksumLibraries = await bundleForBrowser(undefined, checksumLibraries);

// Inputs grouped by package (or by folder of this package).
const groupOf = (path: string) =>
  path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
  (path.includes('dist/generated/off-ramp-request-validators')
    ? 'generated request validators (Ajv standalone)'
    : path.includes('dist/generated/off-ramp-response-validators')
      ? 'generated response validators (Ajv standalone)'
      : path.includes('dist/generated/')
        ? 'generated catalog'
        : 'client + preflight code (src/)');
const groups = new Map<string, number>();
for (const [path, input] of Object.entries(Object.values(full.metafile.outputs)[0]!.inputs))
  groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + input.bytesInOutput);

console.log('Bundle of { createOffRampClient, validateOffRampRequest } for browsers (esbuild, minified, ESM)');
printTable(
  ['bundle', 'minified', 'minified + gzip'],
  [
    ['client + preflight (everything)', kB(full.minifiedBytes), kB(full.gzippedBytes)],
    [`the same without ${checksumLibraries.join(', ')}`, kB(withoutChecksumLibraries.minifiedBytes), kB(withoutChecksumLibraries.gzippedBytes)],
  ],
);
console.log('\nShare of the minified bundle by input');
printTable(
  ['input', 'minified'],
  [...groups].sort((a, b) => b[1] - a[1]).map(([group, bytes]) => [group, kB(bytes)]),
);
