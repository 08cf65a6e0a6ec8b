// What the package ships and how it loads: the packed file list, the exports map, and the client
// bundled for browsers (no Node built-ins, no code generation from strings, as under a strict CSP).
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { bundleForBrowser } from '../../support/browser-bundle.ts';
import { requestExamples, responseExamples } from '../support/spec.ts';

// The CommonJS files other processes load by path (Dredd's hook file, Prism's preload), each of them.
const commonJsSources = readdirSync(resolve(projectRoot, 'packages/tools/src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.cjs'));

const packedFiles = (workspace: string) => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: resolve(projectRoot, workspace), encoding: 'utf8' });
  return (JSON.parse(output) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path).sort();
};

// [package, { workspace, what it ships, files that must be there, what it leaves out, the pattern every packed file matches }]
const packs: [string, { workspace: string; ships: string; shipped: string[]; leavesOut: string; allowed: RegExp }][] = [
  [
    '@off-ramp/client',
    {
      workspace: 'packages/client',
      ships: 'the spec, the generated code and the built client',
      shipped: [
        'generated/openapi.json',
        'generated/openapi.yaml',
        'generated/schema.ts',
        'generated/error-catalog.ts',
        'generated/off-ramp-request-validators.js',
        'generated/off-ramp-response-validators.js',
        'dist/src/index.js',
        'dist/src/index.d.ts',
        'dist/generated/schema.d.ts',
        'dist/generated/off-ramp-request-validators.js',
        'dist/generated/off-ramp-response-validators.js',
        'generated/off-ramp.arazzo.yaml',
        'package.json',
        'README.md',
        'LICENSE',
      ],
      leavesOut: 'no tests, scripts, benchmarks, sources of the spec or TypeScript sources',
      allowed: /^(dist\/(src|generated)\/.+\.(js|d\.ts)|generated\/[^/]+|README\.md|LICENSE|package\.json)$/,
    },
  ],
  [
    '@off-ramp/contract-tools',
    {
      workspace: 'packages/tools',
      ships: 'the compiled CLI, the files Dredd and Prism load (hook file, preload), the default fixtures and the docs page template',
      shipped: [
        'dist/cli/off-ramp-contract.js',
        'dist/contract/cli.js',
        ...commonJsSources.map((file) => `dist/${file}`),
        'dist/index.js',
        'dist/index.d.ts',
        'fixtures/contract-fixtures.json',
        'docs-page/page.hbs',
        'docs-page/redocly.yaml',
        'package.json',
        'README.md',
        'LICENSE',
      ],
      leavesOut: 'no TypeScript sources, tests or build scripts',
      allowed: /^(dist\/.+\.(js|cjs|d\.ts)|fixtures\/[^/]+\.json|docs-page\/[^/]+|README\.md|LICENSE|package\.json)$/,
    },
  ],
];

test('the CommonJS files are found (Dredd hook file, Prism preload)', () => {
  expect(commonJsSources.sort()).toEqual(['contract/dredd-hookfile.cjs', 'prism/prism-preload.cjs']);
});

describe.each(packs)('npm pack of %s', (_name, { workspace, ships, shipped, leavesOut, allowed }) => {
  const files = packedFiles(workspace);
  test(`ships ${ships}`, () => {
    expect(files).toEqual(expect.arrayContaining(shipped));
  });
  test(`and nothing else: ${leavesOut}`, () => {
    expect(files.filter((path) => !allowed.test(path))).toEqual([]);
  });
});

// Runs ES module code with Node (async: a server of the test may have to answer it), from the
// project root, so that the code can import the package by name (self-reference).
async function runModule(source: string, nodeFlags: string[] = []) {
  const child = spawn(process.execPath, [...nodeFlags, '--input-type=module', '-e', source], { cwd: projectRoot, timeout: 30_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, stdout, stderr };
}
const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

describe('package exports', () => {
  test('the root, ./openapi.json and ./openapi.yaml resolve for a consumer importing by name', async () => {
    const selfImport = `
      import * as api from '@off-ramp/client';
      import { createRequire } from 'node:module';
      const require = createRequire(${JSON.stringify(resolve(projectRoot, 'package.json'))});
      console.log(JSON.stringify({
        exports: Object.keys(api).sort(),
        json: import.meta.resolve('@off-ramp/client/openapi.json'),
        yaml: import.meta.resolve('@off-ramp/client/openapi.yaml'),
        title: require('@off-ramp/client/openapi.json').info.title,
      }));`;
    const run = await runModule(selfImport);
    expect(run.stderr).toBe('');
    const { exports, json, yaml, title } = JSON.parse(run.stdout);
    expect(exports).toEqual([
      'OffRampRedirectError',
      'OffRampResponseTooLargeError',
      'apiKeyHeader',
      'apiKeyPattern',
      'catalogError',
      'createOffRampClient',
      'defaultMaxResponseBytes',
      'defaultTimeoutMs',
      'errorCatalog',
      'maxRequestBodyBytes',
      'maxRequestHeaderBytes',
      'offRampPath',
      'requestTimeoutSeconds',
      'validateOffRampRequest',
    ]);
    expect(json).toBe(`file://${resolve(projectRoot, 'packages/client/generated/openapi.json')}`);
    expect(yaml).toBe(`file://${resolve(projectRoot, 'packages/client/generated/openapi.yaml')}`);
    expect(typeof title).toBe('string');
  });
});

describe('the client bundled for browsers', () => {
  test('bundles for the browser platform: no Node built-in is imported', async () => {
    const { code } = await bundleForBrowser();
    expect(code).not.toMatch(/\bfrom\s*["']node:|\brequire\(/);
  });

  test('the same bundling fails on a Node-only import (so the check above can fail)', async () => {
    await expect(bundleForBrowser("import { readFileSync } from 'node:fs'; export { readFileSync };")).rejects.toThrow(/node:fs/);
  });

  test('runs with code generation from strings disallowed (as under a CSP without unsafe-eval)', async () => {
    const server = createServer((request, response) => {
      request
        .resume()
        .on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(responseExamples.FiatAmountToMexico!.value)));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const { code } = await bundleForBrowser();
    const dir = mkdtempSync(join(tmpdir(), 'off-ramp-bundle-'));
    temporaryDirs.push(dir);
    writeFileSync(join(dir, 'client.mjs'), code);
    const run = await runModule(
      `
      import { createOffRampClient, validateOffRampRequest } from ${JSON.stringify(join(dir, 'client.mjs'))};
      const valid = ${JSON.stringify(requestExamples.FiatAmountToMexico!.value)};
      const invalid = ${JSON.stringify(requestExamples.InvalidUserInput!.value)};
      const client = createOffRampClient({ baseUrl: 'http://127.0.0.1:${port}', apiKey: 'pk_test_csp' });
      const sent = await client.createOffRamp(valid);
      console.log(JSON.stringify({ valid: validateOffRampRequest(valid).ok, invalid: validateOffRampRequest(invalid), sent: { ok: sent.ok, status: sent.status } }));
    `,
      ['--disallow-code-generation-from-strings'],
    );
    server.close();
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.valid).toBe(true);
    expect(result.invalid).toMatchObject({ ok: false, check: 'shape', error: responseExamples.InvalidUserInput!.value.error });
    expect(result.sent).toEqual({ ok: true, status: 201 });
  });

  test('the flag does stop code generation (so the check above can fail)', async () => {
    const run = await runModule("new Function('return 1')();", ['--disallow-code-generation-from-strings']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Code generation from strings disallowed/);
  });
});
