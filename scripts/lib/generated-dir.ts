import { resolve } from 'node:path';

/** Project root (the workspace root), whatever the working directory. */
export const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The committed generated files: they ship in the client package (its spec subpaths, types, validators). */
export const committedGeneratedDir = resolve(projectRoot, 'packages', 'client', 'generated');

/**
 * Where generators write: the committed folder by default; `check:generated` points it at a
 * temporary folder (GENERATED_DIR) to compare a fresh build with the committed copy.
 */
export function generatedDir(): string {
  return process.env.GENERATED_DIR ? resolve(projectRoot, process.env.GENERATED_DIR) : committedGeneratedDir;
}
