type Schema = { $ref?: string; properties?: Record<string, Schema | boolean>; allOf?: Schema[]; oneOf?: Schema[]; [key: string]: unknown };

const componentName = (ref: string) => ref.split('/').pop()!;

/**
 * For the generated types only (never for the spec itself): the either/or rules (FundingSource,
 * BankSource) state presence only, `true` for a property they require and `false` for one they
 * forbid; openapi-typescript would type a `true` property as `unknown`. For each rule that a
 * schema with `properties` uses in its `allOf`, each `true` becomes the host's `$ref` for that
 * property. Validation is unchanged: the host checks that value already.
 *
 * `schemas` maps component names to schemas whose `$ref`s end with `/<name>`; changed in place.
 */
export function addPropertiesFromPresence(schemas: Record<string, Schema>): void {
  for (const host of Object.values(schemas)) {
    if (!host.properties || !Array.isArray(host.allOf)) continue;
    for (const member of host.allOf) {
      const rule = member.$ref ? schemas[componentName(member.$ref)] : undefined;
      for (const branch of rule?.oneOf ?? []) {
        for (const [name, schema] of Object.entries(branch.properties ?? {})) {
          if (schema !== true) continue;
          const hostSchema = host.properties[name];
          if (typeof hostSchema !== 'object')
            throw new Error(`generate:types: ${componentName(member.$ref!)} requires ${name}, which its host does not declare`);
          branch.properties![name] = hostSchema.$ref ? { $ref: hostSchema.$ref } : hostSchema;
        }
      }
    }
  }
}
