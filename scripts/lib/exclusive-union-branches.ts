import { eachOneOf } from './each-one-of.ts';

type Schema = { $ref?: string; oneOf?: Schema[]; properties?: Record<string, Schema | boolean>; additionalProperties?: unknown; [key: string]: unknown };

/**
 * For the generated types only (never for the spec itself): in each `oneOf` whose branches are all
 * closed objects (`additionalProperties: false`), gives every branch a `false` schema for each
 * property that only other branches declare. Validation is unchanged (a closed object already
 * rejects those names), but openapi-typescript turns `false` into `prop?: never`, so that
 * "individual XOR business" and "one country's fields only" stay compile errors even for a value
 * that is not a fresh object literal (where excess-property checks do not apply).
 *
 * `schemas` maps component names to schemas whose `$ref`s end with `/<name>`; changed in place.
 */
export function addExclusiveUnionBranches(schemas: Record<string, Schema>): void {
  eachOneOf(schemas, (_schema, branches) => {
    if (branches.length < 2 || !branches.every((branch) => branch.additionalProperties === false && branch.properties)) return;
    const allNames = new Set(branches.flatMap((branch) => Object.keys(branch.properties!)));
    for (const branch of branches) {
      for (const name of allNames) if (!(name in branch.properties!)) branch.properties![name] = false;
    }
  });
}
