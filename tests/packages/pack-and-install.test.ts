// Both packages as the registry would serve them: `npm pack` of each workspace, then `npm install`
// of the tarballs into fresh projects under the system's temporary folder (so no import can reach
// this repository's node_modules). There the client's types compile in a consumer's project, the
// installed bin starts the sandbox and the mock and runs the contract suite against each, the
// compiled consumer runs against the sandbox, and the client alone brings neither Dredd nor Prism.
// The install size and dependency count of each project are printed (docs/releasing.md).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { startListeningProcess } from '../support/start-listening-process.ts';
import { errorCatalog } from '../../packages/client/generated/error-catalog.ts';
import { requestExamples } from '../support/spec.ts';

const run = promisify(execFile);
// npm run test exports npm_config_* and npm_package_* of this workspace; a child npm must not see them.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
const rootManifest = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

const base = mkdtempSync(join(tmpdir(), 'off-ramp-install-'));
const clientProject = join(base, 'client-only');
const toolsProject = join(base, 'with-tools');
const bin = join(toolsProject, 'node_modules', '.bin', 'off-ramp-contract');
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function pack(workspace: string, destination: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    cwd: resolve(projectRoot, workspace),
    env: cleanEnv,
  });
  return join(destination, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
}

async function newProject(dir: string, specs: string[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // No install scripts, as npm 12 does for packages a project has not allowed: the only one in the
  // tree is Prism's install telemetry (@scarf/scarf, docs/releasing.md#install-size).
  await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'error', ...specs], {
    cwd: dir,
    env: cleanEnv,
    maxBuffer: 16 * 1024 * 1024,
  });
}

// Packages installed and their size on disk, leaving out what the test itself added (typescript).
async function installedFigures(dir: string, leaveOut: string[] = []): Promise<{ packages: number; kib: number }> {
  const { stdout } = await run('npm', ['ls', '--all', '--parseable'], { cwd: dir, env: cleanEnv, maxBuffer: 16 * 1024 * 1024 });
  const left = leaveOut.map((name) => join(dir, 'node_modules', name));
  const kib = async (path: string) => Number((await run('du', ['-sk', path])).stdout.split('\t')[0]);
  const leftKib = (await Promise.all(left.map(kib))).reduce((sum, size) => sum + size, 0);
  // The first line is the project itself.
  const packages = new Set(
    stdout
      .trim()
      .split('\n')
      .slice(1)
      .filter((path) => !left.includes(path)),
  );
  return { packages: packages.size, kib: (await kib(join(dir, 'node_modules'))) - leftKib };
}

function offRampContract(args: string[], cwd = toolsProject) {
  return run(bin, args, { cwd, env: cleanEnv, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

// What a partner writes against the installed client: typed, checked by the preflight, sent.
const consumerSource = `
import { createOffRampClient, validateOffRampRequest, type OffRampRequest } from '@off-ramp/client';

// @ts-expect-error an amount in fiat and in crypto at once does not compile
export const bothAmounts: OffRampRequest = { userId: 'u', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', fiatAmount: 1, cryptoAmount: 1, userBankInformation: { country: 'MX', accountIdentifier: '012180012345678909' } };

export async function send(baseUrl: string, apiKey: string, input: unknown): Promise<{ source: string; status: number | undefined; code?: string }> {
  const checked = validateOffRampRequest(input);
  if (!checked.ok) return { source: 'preflight', status: checked.error.status, code: checked.error.code };
  const result = await createOffRampClient({ baseUrl, apiKey }).createOffRamp(checked.value);
  if (result.ok) return { source: 'server', status: result.status };
  if (result.failure) return { source: 'failure', status: result.status, code: result.failure.kind };
  return { source: result.source, status: result.status, code: result.error.code };
}
`;
const consumerTsconfig = {
  compilerOptions: {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: [],
    // The packages' declarations are checked as the consumer's own code is; TypeScript's own lib
    // files (lib.dom.d.ts and the like, a third of the compile) are not ours to check.
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    outDir: 'out',
  },
  files: ['sandbox-client.ts'],
};

const figures: Record<string, { packages: number; kib: number }> = {};

beforeAll(async () => {
  const packs = join(base, 'packs');
  mkdirSync(packs);
  const [clientTarball, toolsTarball] = await Promise.all([pack('packages/client', packs), pack('packages/tools', packs)]);
  await Promise.all([
    newProject(clientProject, [clientTarball, `typescript@${rootManifest.devDependencies.typescript}`]),
    newProject(toolsProject, [clientTarball, toolsTarball]),
  ]);
  writeFileSync(join(clientProject, 'sandbox-client.ts'), consumerSource);
  writeFileSync(join(clientProject, 'tsconfig.json'), JSON.stringify(consumerTsconfig));
  figures.client = await installedFigures(clientProject, ['typescript']);
  figures.tools = await installedFigures(toolsProject);
  console.log(
    `installed: client alone ${figures.client.packages} packages, ${figures.client.kib} KiB; client + tools ${figures.tools.packages} packages, ${figures.tools.kib} KiB`,
  );
}, 600_000);

describe('the client package alone', () => {
  test('installs without Dredd, Prism or any other tool of the tools package', () => {
    const names = readdirNames(join(clientProject, 'node_modules'));
    expect(names).toContain('@off-ramp/client');
    expect(names.filter((name) => /^(dredd|@stoplight\/|@redocly\/|ajv$|fast-check$|@off-ramp\/contract-tools$)/.test(name))).toEqual([]);
    // The same look finds them where they are (so the check above can fail).
    expect(readdirNames(join(toolsProject, 'node_modules'))).toEqual(expect.arrayContaining(['dredd', '@stoplight/prism-cli', '@off-ramp/contract-tools']));
  });

  test("a consumer's files compile against its types (the packages' declarations checked), and an invalid body does not", async () => {
    // One compiler run over three files: the consumer's file (emitted for the sandbox test), the
    // consumer of tests/fixtures/consumer, and the first without its @ts-expect-error, where the
    // types must reject the body.
    copyFileSync(resolve(projectRoot, 'tests/fixtures/consumer/consumer.ts'), join(clientProject, 'consumer.ts'));
    writeFileSync(join(clientProject, 'unchecked.ts'), consumerSource.replace(/\/\/ @ts-expect-error.*\n/, ''));
    const files = ['sandbox-client.ts', 'consumer.ts', 'unchecked.ts'];
    writeFileSync(join(clientProject, 'tsconfig.all.json'), JSON.stringify({ ...consumerTsconfig, files }));
    const output = await run(join(clientProject, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.all.json'], { cwd: clientProject }).then(
      () => 'compiled without an error',
      (error: { stdout: string }) => error.stdout,
    );
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors.length, output).toBeGreaterThan(0);
    expect(
      errors.filter((line) => !line.startsWith('unchecked.ts(')),
      output,
    ).toEqual([]);
    expect(existsSync(join(clientProject, 'out', 'sandbox-client.js'))).toBe(true);
  });
});

// The first two tests run in order (the sandbox reads the fixtures file init-fixtures writes); the
// rest run at once: two of them wait for the sandbox's 10 s request timeout, which they then share.
describe('the installed off-ramp-contract bin', () => {
  test('--help of the bin and of each command exits 0', async () => {
    const top = await offRampContract(['--help']);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((match) => match[1]!);
    expect(commands).toEqual(['contract', 'respect', 'fuzz', 'mock', 'reference', 'docs', 'init-fixtures']);
    for (const command of commands) {
      const help = await offRampContract([command, '--help']);
      expect([command, help.code, help.stdout]).toEqual([command, 0, expect.stringContaining(`usage: off-ramp-contract ${command}`)]);
    }
  });

  test('init-fixtures writes the fixtures file, refuses to overwrite it (exit 2) and replaces it with --force', async () => {
    const written = await offRampContract(['init-fixtures']);
    expect(written.code).toBe(0);
    const file = join(toolsProject, 'off-ramp-fixtures.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(toolsProject, 'node_modules/@off-ramp/contract-tools/fixtures/contract-fixtures.json'), 'utf8')),
    );
    writeFileSync(file, '{"edited": true}');
    const refused = await offRampContract(['init-fixtures']);
    expect([refused.code, readFileSync(file, 'utf8')]).toEqual([2, '{"edited": true}']);
    expect(refused.stderr).toContain('pass --force');
    expect((await offRampContract(['init-fixtures', '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('apiKeys');
  });

  test.concurrent('starts the sandbox; the compiled consumer runs against it; the contract suite passes against it', async () => {
    const sandbox = await startListeningProcess(bin, ['reference', '--port', '0'], { cwd: toolsProject, env: cleanEnv });
    try {
      const fixtures = JSON.parse(readFileSync(join(toolsProject, 'node_modules/@off-ramp/contract-tools/fixtures/contract-fixtures.json'), 'utf8'));
      const send = async (body: unknown) => {
        const script = `import { send } from './out/sandbox-client.js'; console.log(JSON.stringify(await send(${JSON.stringify(sandbox.url)}, ${JSON.stringify(fixtures.apiKeys.valid)}, ${JSON.stringify(body)})));`;
        const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: clientProject });
        return JSON.parse(stdout);
      };
      const quoteExpired = errorCatalog.find((row) => row.name === 'QuoteExpired')!;
      expect(await send(requestExamples.FiatAmountToMexico!.value)).toEqual({ source: 'server', status: 201 });
      expect(await send(requestExamples.QuoteExpired!.value)).toEqual({ source: 'server', status: quoteExpired.status, code: quoteExpired.code });
      expect(await send({ ...requestExamples.FiatAmountToMexico!.value, fiatAmmount: 1 })).toEqual({
        source: 'preflight',
        status: 400,
        code: 'INVALID_USER_INPUT_ERROR',
      });

      // The named scenarios: the README's example below runs the derived ones with the installed package too.
      const suite = await offRampContract([
        'contract',
        '--server',
        sandbox.url,
        '--fixtures',
        'off-ramp-fixtures.json',
        '--report',
        'reports/sandbox.xml',
        '--named-only',
      ]);
      expect(suite.code, suite.stdout + suite.stderr).toBe(0);
      expect(suite.stdout).toMatch(/Catalog rows covered +(\d+)\/\1/);
      expect(suite.stdout).toContain('contract: PASSED');
      expect(suite.stderr).not.toMatch(/DEP0\d+|DeprecationWarning/);
      expect(readFileSync(join(toolsProject, 'reports/sandbox.xml'), 'utf8')).toMatch(/<testsuite[^>]* failures="0"/);
    } finally {
      await sandbox.stop();
    }
  });

  test.concurrent('starts the mock; the contract suite passes against it (target prism-mock)', async () => {
    const mock = await startListeningProcess(bin, ['mock', '--port', '0'], { cwd: toolsProject, env: cleanEnv });
    try {
      const suite = await offRampContract(['contract', '--server', mock.url, '--target', 'prism-mock', '--report', 'reports/mock.xml']);
      expect(suite.code, suite.stdout + suite.stderr).toBe(0);
      expect(suite.stdout).toContain('contract: PASSED');
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  });

  test.concurrent("the README's programmatic example runs as written", async () => {
    const readme = readFileSync(resolve(projectRoot, 'packages/tools/README.md'), 'utf8');
    const example = /## Programmatic use\n+```ts\n([\s\S]+?)```/.exec(readme)![1]!;
    writeFileSync(join(toolsProject, 'example.mjs'), example);
    const { stdout } = await run(process.execPath, ['example.mjs'], { cwd: toolsProject, env: cleanEnv });
    expect(stdout).toMatch(/Catalog rows covered +(\d+)\/\1/);
  });

  test.concurrent("Dredd's deprecated htmlencode 0.0.4 is installed here (no overrides reach consumers), yet the runner loads it without a warning", async () => {
    const plain = await run(process.execPath, ['--throw-deprecation', '-e', "require('dredd')"], {
      cwd: join(toolsProject, 'node_modules/@off-ramp/contract-tools'),
    }).then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(plain).toMatch(/DEP0060/);
    const script = "await import('@off-ramp/contract-tools'); console.log('loaded');";
    const quiet = await run(process.execPath, ['--throw-deprecation', '--input-type=module', '-e', script], { cwd: toolsProject });
    expect([quiet.stdout, quiet.stderr]).toEqual(['loaded\n', '']);
  });

  test.concurrent('builds the docs page through the installed bin, with the presentation decorator', async () => {
    const built = await offRampContract(['docs', '--out', 'site']);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(readFileSync(join(toolsProject, 'site/index.html'), 'utf8')).toContain('<html');
    expect(readFileSync(join(toolsProject, 'site/openapi.presentation.json'), 'utf8')).toContain(' · ');
  });

  test.concurrent('a command that cannot start exits 2 through the installed bin', async () => {
    const missing = await offRampContract(['contract', '--server', 'http://127.0.0.1:9', '--fixtures', 'no-such-file.json']);
    expect(missing.code).toBe(2);
  });
});

function readdirNames(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules).flatMap((name) => (name.startsWith('@') ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`) : [name]));
}
