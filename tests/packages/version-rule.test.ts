// The one version rule (docs/releasing.md): both packages carry the spec's info.version, the tools
// depend on the client with a caret range of it, and every manifest states the same Node range.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

interface Manifest {
  name: string;
  version?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
}

const read = (path: string) => JSON.parse(readFileSync(resolve(projectRoot, path), 'utf8'));
const specVersion = (read('packages/client/generated/openapi.json') as { info: { version: string } }).info.version;
const root = read('package.json') as Manifest;
const client = read('packages/client/package.json') as Manifest;
const tools = read('packages/tools/package.json') as Manifest;

function versionRuleViolations(spec: string, manifests: { root: Manifest; client: Manifest; tools: Manifest }): string[] {
  const found: string[] = [];
  for (const pkg of [manifests.client, manifests.tools]) {
    if (pkg.version !== spec) found.push(`${pkg.name} is ${pkg.version}, the spec's info.version is ${spec}`);
    if (pkg.engines?.node !== manifests.root.engines?.node)
      found.push(`${pkg.name} engines.node ${pkg.engines?.node} differs from the workspace's ${manifests.root.engines?.node}`);
  }
  const range = manifests.tools.dependencies?.[manifests.client.name];
  if (range !== `^${spec}`) found.push(`${manifests.tools.name} depends on ${manifests.client.name} ${range}, not ^${spec}`);
  return found;
}

describe('the version rule', () => {
  test('holds for the spec and both packages', () => {
    expect(versionRuleViolations(specVersion, { root, client, tools })).toEqual([]);
  });

  test('fails on a package behind the spec, a stale caret range and another Node range', () => {
    const bumped = '3.0.0';
    const found = versionRuleViolations(bumped, { root, client: { ...client, engines: { node: '>=20' } }, tools });
    expect(found).toEqual([
      `@off-ramp/client is ${client.version}, the spec's info.version is 3.0.0`,
      `@off-ramp/client engines.node >=20 differs from the workspace's ${root.engines!.node}`,
      `@off-ramp/contract-tools is ${tools.version}, the spec's info.version is 3.0.0`,
      `@off-ramp/contract-tools depends on @off-ramp/client ^${client.version}, not ^3.0.0`,
    ]);
  });
});
