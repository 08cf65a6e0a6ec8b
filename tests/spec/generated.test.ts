// `check:generated` passes on the committed generated/ and fails on a stale, missing or extra file;
// given the files of a fresh generation (FRESH_DIR), it compares with them and leaves them in place.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

function checkGenerated(dirs: { committed?: string; fresh?: string } = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts/check-generated.ts')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...(dirs.committed ? { COMMITTED_DIR: dirs.committed } : {}), ...(dirs.fresh ? { FRESH_DIR: dirs.fresh } : {}) },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

// The tampered copies are compared with the committed files as the fresh ones: the passing run
// (which regenerates) shows that they are what a fresh generation gives.
const freshDir = resolve(projectRoot, 'packages/client/generated');

const copies: string[] = [];
function tamperedCopy(tamper: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'off-ramp-committed-'));
  copies.push(dir);
  cpSync(resolve(projectRoot, 'packages/client/generated'), dir, { recursive: true });
  tamper(dir);
  return dir;
}
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('check:generated', () => {
  test('passes on the committed generated/', () => {
    const { status, output } = checkGenerated();
    expect(status, output).toBe(0);
  });

  test.each([
    ['stale', (dir: string) => appendFileSync(join(dir, 'openapi.yaml'), '# edited by hand\n'), 'stale: generated/openapi.yaml'],
    ['missing', (dir: string) => unlinkSync(join(dir, 'openapi.json')), 'missing from generated/: openapi.json'],
    ['extra', (dir: string) => writeFileSync(join(dir, 'leftover.ts'), 'export {};\n'), 'not produced by any generator: generated/leftover.ts'],
  ])('fails on a %s file', (_kind, tamper, message) => {
    const { status, output } = checkGenerated({ committed: tamperedCopy(tamper), fresh: freshDir });
    expect(status).toBe(1);
    expect(output).toContain(message);
    expect(output.match(/^ {2}\S/gm), output).toHaveLength(1); // that one problem, and no other
    expect(existsSync(join(freshDir, 'openapi.json'))).toBe(true); // a given fresh folder is not removed
  });
});
