type Schema = { properties?: Record<string, unknown>; oneOf?: unknown[]; anyOf?: unknown[]; allOf?: unknown[]; [key: string]: unknown };

/**
 * A copy of an either/or rule that checks only which properties are present: each property
 * schema other than `false` becomes `true`. Equivalent to the rule on a body whose values are
 * already known to be valid (the preflight's shape stage), and much cheaper to run.
 */
export function presenceOnly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(presenceOnly);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Schema = { ...(schema as Schema) };
  if (copy.properties) copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([name, value]) => [name, value === false ? false : true]));
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) if (copy[key]) copy[key] = presenceOnly(copy[key]) as unknown[];
  return copy;
}
