// Where the tools find the contract's files: the bundled spec and the Arazzo scenarios come from
// the client package (resolved as any installed dependency), the default fixtures ship with this
// package. Nothing here depends on the working directory or on a clone of the repository.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The bundled OpenAPI 3.1 document as JSON (`@off-ramp/client/openapi.json`). */
export const bundledSpecPath = require.resolve('@off-ramp/client/openapi.json');
/** The same document as YAML. */
export const bundledSpecYamlPath = require.resolve('@off-ramp/client/openapi.yaml');
/** The contract's scenarios as a self-contained Arazzo 1.0 document. */
export const arazzoPath = require.resolve('@off-ramp/client/off-ramp.arazzo.yaml');
/** The fixtures the reference implementation is seeded from and the suite uses by default. */
export const defaultFixturesPath = fileURLToPath(new URL('../../fixtures/contract-fixtures.json', import.meta.url));

/** The entry script of an installed package's `bin` (run with this Node, not through a shell). */
export function binEntry(packageName: string, binName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const { bin } = require(manifestPath) as { bin: string | Record<string, string> };
  const entry = typeof bin === 'string' ? bin : bin[binName];
  if (!entry) throw new Error(`${packageName} has no bin named ${binName}`);
  return fileURLToPath(new URL(entry, `file://${manifestPath}`));
}
