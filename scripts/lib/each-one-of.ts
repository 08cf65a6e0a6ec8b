type Schema = { $ref?: string; oneOf?: Schema[]; [key: string]: unknown };

/**
 * Calls `visit` for every schema with a `oneOf` anywhere in `schemas` (a map of component name to
 * schema whose `$ref`s end with `/<name>`), with its branches resolved through `$ref`s.
 */
export function eachOneOf<S extends Schema>(schemas: Record<string, S>, visit: (schema: S, branches: S[], resolve: (schema: S) => S) => void): void {
  const resolve = (schema: S): S => (schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!]!) : schema);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const schema = value as S;
    if (Array.isArray(schema.oneOf)) visit(schema, (schema.oneOf as S[]).map(resolve), resolve);
    Object.values(schema).forEach(walk);
  };
  walk(schemas);
}
