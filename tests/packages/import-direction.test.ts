// Imports point one way: the client package imports only its own files and its declared
// dependencies (no Node built-in: it runs in browsers); the tools package imports its own files,
// Node built-ins, its declared dependencies and the client by name, never build scripts, tests,
// benchmarks or the client's files by path. Above the packages, the helpers that tests and
// benchmarks share live in support/, which imports only the packages and itself; benchmarks import
// no file under tests/; and a test folder (tests/<area>/) imports no other test folder's files but
// tests/support's. Every import is read by TypeScript's own pre-parser (static, dynamic and
// type-only imports, re-exports).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

// Modules that exist only where the file runs, not in node_modules: Dredd stubs `hooks` for its hook files.
const providedByHost: Record<string, string> = { hooks: 'Dredd stubs it for hook files' };

interface PackageRule {
  /** Folders (under the repository) whose files are checked; relative imports must stay inside `root`. */
  dirs: string[];
  root: string;
  manifest: string;
  nodeBuiltins: boolean;
}

const rules: Record<string, PackageRule> = {
  '@off-ramp/client': {
    dirs: ['packages/client/src', 'packages/client/generated'],
    root: 'packages/client',
    manifest: 'packages/client/package.json',
    nodeBuiltins: false,
  },
  '@off-ramp/contract-tools': { dirs: ['packages/tools/src'], root: 'packages/tools/src', manifest: 'packages/tools/package.json', nodeBuiltins: true },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|cjs|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** The package name of a bare specifier: `ajv/dist/2020.js` -> `ajv`, `@scope/name/sub` -> `@scope/name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function importViolations(file: string, source: string, rule: PackageRule): string[] {
  const manifest = JSON.parse(readFileSync(resolve(projectRoot, rule.manifest), 'utf8')) as { dependencies?: Record<string, string> };
  const allowed = new Set(Object.keys(manifest.dependencies ?? {}));
  const root = resolve(projectRoot, rule.root);
  return importsOf(source).flatMap((specifier) => {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      return target === root || target.startsWith(root + sep) ? [] : [`${specifier} leaves ${rule.root}`];
    }
    if (specifier.startsWith('node:')) return rule.nodeBuiltins ? [] : [`${specifier}: a Node built-in in browser code`];
    return allowed.has(packageOf(specifier)) || Object.hasOwn(providedByHost, specifier) ? [] : [`${specifier} is not a dependency in ${rule.manifest}`];
  });
}

describe.each(Object.entries(rules))('imports of %s', (name, rule) => {
  const files = rule.dirs.flatMap((dir) => sourceFiles(resolve(projectRoot, dir)));

  test('stay in the package or name a declared dependency', () => {
    expect(files.length).toBeGreaterThan(3);
    const violations = files.flatMap((file) => importViolations(file, readFileSync(file, 'utf8'), rule).map((v) => `${relative(projectRoot, file)}: ${v}`));
    expect(violations).toEqual([]);
  });

  test('the check finds a build script, a test helper, an undeclared package and a path into another package', () => {
    const file = resolve(projectRoot, rule.dirs[0]!, 'example.ts');
    const source = [
      "import { projectRoot } from '../../../scripts/lib/generated-dir.ts';",
      "export { postJson } from '../../../tests/support/post-json.ts';",
      "const vitest = await import('vitest');",
      "import type { Paths } from '../../client/generated/schema.ts';",
      name === '@off-ramp/client' ? "import { readFileSync } from 'node:fs';" : "import 'node:fs';",
    ].join('\n');
    const found = importViolations(file, source, rule);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/scripts\/lib\/generated-dir\.ts leaves/),
        expect.stringMatching(/tests\/support\/post-json\.ts leaves/),
        `vitest is not a dependency in ${rule.manifest}`,
      ]),
    );
    // From the tools, a path into the client's files leaves the tools' src; the client's own generated/ is its own.
    if (name === '@off-ramp/contract-tools') expect(found).toContain('../../client/generated/schema.ts leaves packages/tools/src');
    if (name === '@off-ramp/client') expect(found).toContain('node:fs: a Node built-in in browser code');
  });
});

const inRoot = (...parts: string[]) => resolve(projectRoot, ...parts);
const isUnder = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
/** The test folder a path is in (`tests/<area>/...` -> `<area>`), if it is under tests/. */
const testArea = (path: string) => (isUnder(path, inRoot('tests')) ? relative(inRoot('tests'), path).split(sep)[0] : undefined);

/** What is wrong with each relative import of a file in bench/, support/ or tests/ (bare specifiers are packages). */
function workspaceImportViolations(file: string, source: string): string[] {
  return importsOf(source).flatMap((specifier) => {
    if (!specifier.startsWith('.')) return [];
    const target = resolve(dirname(file), specifier);
    const where = relative(projectRoot, target);
    if (isUnder(file, inRoot('bench')) && isUnder(target, inRoot('tests'))) return [`${specifier}: bench/ imports no file under tests/ (${where})`];
    if (isUnder(file, inRoot('support')) && !isUnder(target, inRoot('support')) && !isUnder(target, inRoot('packages'))) {
      return [`${specifier}: support/ imports only the packages and itself (${where})`];
    }
    const [from, to] = [testArea(file), testArea(target)];
    if (from !== undefined && to !== undefined && to !== from && to !== 'support') {
      return [`${specifier}: tests/${from}/ imports tests/${to}/; test folders share helpers through tests/support only`];
    }
    return [];
  });
}

describe('imports of the benchmarks, the shared support/ and the test folders', () => {
  const files = ['bench', 'support', 'tests'].flatMap((dir) => sourceFiles(inRoot(dir)));

  test('bench imports no test file, support/ only the packages and itself, a test folder only itself and tests/support', () => {
    expect(files.filter((file) => isUnder(file, inRoot('support'))).length).toBeGreaterThan(2);
    const violations = files.flatMap((file) => workspaceImportViolations(file, readFileSync(file, 'utf8')).map((v) => `${relative(projectRoot, file)}: ${v}`));
    expect(violations).toEqual([]);
  });

  test.each([
    {
      file: 'bench/example.ts',
      imports: ['../tests/support/spec.ts', '../support/run-script.ts', '../packages/tools/src/spec/spec-schemas.ts', './support/table.ts'],
      want: ['../tests/support/spec.ts: bench/ imports no file under tests/ (tests/support/spec.ts)'],
    },
    {
      file: 'support/example.ts',
      imports: [
        '../tests/support/spec.ts',
        '../scripts/lib/generated-dir.ts',
        '../bench/support/table.ts',
        './run-script.ts',
        '../packages/client/generated/protocol.ts',
      ],
      want: [
        '../tests/support/spec.ts: support/ imports only the packages and itself (tests/support/spec.ts)',
        '../scripts/lib/generated-dir.ts: support/ imports only the packages and itself (scripts/lib/generated-dir.ts)',
        '../bench/support/table.ts: support/ imports only the packages and itself (bench/support/table.ts)',
      ],
    },
    {
      file: 'tests/mock/example.test.ts',
      imports: [
        '../reference/order-of-checks.test.ts',
        '../support/spec.ts',
        './own-helper.ts',
        '../../support/run-script.ts',
        '../../scripts/lib/generated-dir.ts',
      ],
      want: ['../reference/order-of-checks.test.ts: tests/mock/ imports tests/reference/; test folders share helpers through tests/support only'],
    },
    {
      file: 'tests/support/example.ts',
      imports: ['../contract/support/answer-faults.ts', './spec.ts'],
      want: ['../contract/support/answer-faults.ts: tests/support/ imports tests/contract/; test folders share helpers through tests/support only'],
    },
  ])('the check finds what $file must not import', ({ file, imports, want }) => {
    const source = imports.map((specifier, i) => (i % 2 === 0 ? `import { x${i} } from '${specifier}';` : `await import('${specifier}');`)).join('\n');
    expect(workspaceImportViolations(inRoot(file), source)).toEqual(want);
  });
});
