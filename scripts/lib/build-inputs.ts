// What `npm run build` reads, and a digest of it: the test run's global setup builds dist/ only
// when the digest differs from the one the last build recorded (npm ci's `prepare` has usually
// just built it), so a test run builds once, and never tests a stale dist/.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { projectRoot } from './generated-dir.ts';

/** Folders read whole, and single files, relative to the root. */
const inputFolders = ['packages/client/src', 'packages/client/generated', 'packages/tools/src'];
const inputFiles = [
  'LICENSE',
  'tsconfig.json',
  'packages/client/tsconfig.build.json',
  'packages/client/package.json',
  'packages/tools/tsconfig.build.json',
  'packages/tools/package.json',
  'scripts/build.ts',
  'scripts/lib/generated-dir.ts',
  'scripts/lib/run-bin.ts',
  // The compiler is an input too.
  'node_modules/typescript/package.json',
];
const outputs = ['packages/client/dist', 'packages/tools/dist'];

/** Where the last build's digest is kept: beside the installed packages, outside what npm packs. */
export function buildStampPath(root = projectRoot): string {
  return resolve(root, 'node_modules', '.cache', 'off-ramp-build', 'inputs.sha256');
}

function filesUnder(root: string, folder: string): string[] {
  const dir = resolve(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every file the build reads, relative to `root`, sorted. */
export function buildInputFiles(root = projectRoot): string[] {
  return [...inputFolders.flatMap((folder) => filesUnder(root, folder)), ...inputFiles.filter((file) => existsSync(resolve(root, file)))].sort();
}

/** sha256 over each input's path and bytes. */
export function buildInputsDigest(root = projectRoot): string {
  const hash = createHash('sha256');
  for (const file of buildInputFiles(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(resolve(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when both dist/ folders exist and the last build recorded the inputs as they are now. */
export function distMatchesInputs(root = projectRoot): boolean {
  const stamp = buildStampPath(root);
  if (!existsSync(stamp) || !outputs.every((dist) => existsSync(resolve(root, dist)))) return false;
  return readFileSync(stamp, 'utf8') === buildInputsDigest(root);
}

/** Called by the build: first forget the old digest (a build that fails half-way leaves none)... */
export function forgetBuildStamp(root = projectRoot): void {
  rmSync(buildStampPath(root), { force: true });
}

/** ...then record the digest of the inputs it read. */
export function recordBuildStamp(digest: string, root = projectRoot): void {
  mkdirSync(dirname(buildStampPath(root)), { recursive: true });
  writeFileSync(buildStampPath(root), digest);
}
