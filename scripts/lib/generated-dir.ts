import { resolve } from 'node:path';

/** Project root, whatever the working directory. */
export const projectRoot = resolve(import.meta.dirname, '..', '..');

/**
 * Where generators write. `generated/` by default; `check:generated` points it at a temporary
 * folder (GENERATED_DIR) to compare a fresh build with the committed copy.
 */
export function generatedDir(): string {
  return resolve(projectRoot, process.env.GENERATED_DIR ?? 'generated');
}
