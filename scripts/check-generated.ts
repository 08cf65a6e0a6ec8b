// Fails when generated/ differs from a fresh run of the generators: stale, missing or extra files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { committedGeneratedDir, projectRoot } from './lib/generated-dir.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

// COMMITTED_DIR lets a test point the check at a tampered copy, to prove it fails; FRESH_DIR lets
// it compare with files it has just generated itself (GENERATED_DIR=<dir> npm run generate), so
// that each tampered copy does not cost a generation of its own.
const committedDir = process.env.COMMITTED_DIR ? resolve(projectRoot, process.env.COMMITTED_DIR) : committedGeneratedDir;
const givenFreshDir = process.env.FRESH_DIR ? resolve(projectRoot, process.env.FRESH_DIR) : undefined;
const freshDir = givenFreshDir ?? mkdtempSync(join(tmpdir(), 'off-ramp-generated-'));
try {
  if (givenFreshDir) {
    console.log(`check:generated: comparing with the files generated in ${freshDir}`);
  } else {
    console.log(`check:generated: regenerating into ${freshDir}`);
    execFileSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', 'generate.ts')], {
      stdio: 'inherit',
      cwd: projectRoot,
      env: { ...process.env, GENERATED_DIR: freshDir },
    });
  }
  // generated/README.md is written by hand: it says what the folder holds.
  const generatedFiles = (dir: string) =>
    listFiles(dir)
      .map((f) => relative(dir, f))
      .filter((f) => f !== 'README.md');
  const committed = new Set(generatedFiles(committedDir));
  const fresh = new Set(generatedFiles(freshDir));
  const problems: string[] = [];
  for (const file of fresh) {
    if (!committed.has(file)) problems.push(`missing from generated/: ${file}`);
    else if (!readFileSync(join(freshDir, file)).equals(readFileSync(join(committedDir, file)))) problems.push(`stale: generated/${file}`);
  }
  for (const file of committed) if (!fresh.has(file)) problems.push(`not produced by any generator: generated/${file}`);
  if (problems.length > 0) {
    console.error(`check:generated: FAILED\n  ${problems.join('\n  ')}\nRun \`npm run generate\` and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(`check:generated: ${fresh.size} files in sync`);
  }
} finally {
  if (!givenFreshDir) rmSync(freshDir, { recursive: true, force: true });
}
