// The spec's one operation, found without naming its path: the path is a fact of the spec, and
// code reads it from there (protocol-facts.ts, generated/protocol.ts).
import type { BundledSpec } from './spec-schemas.ts';

export function offRampOperationPath(spec: BundledSpec): string {
  const paths = Object.keys(spec.paths);
  if (paths.length !== 1) throw new Error(`The spec must have one path, not ${paths.length}`);
  return paths[0]!;
}

/** The POST operation of that path (its description, responses, examples, x-order-of-checks). */
// biome-ignore lint/suspicious/noExplicitAny: the spec's JSON has no static type.
export function offRampOperation(spec: BundledSpec): Record<string, any> {
  const operation = spec.paths[offRampOperationPath(spec)]?.post;
  if (!operation) throw new Error(`The spec has no POST ${offRampOperationPath(spec)}`);
  return operation;
}
