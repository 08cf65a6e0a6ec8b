/** Annotation keywords: they document a schema but never change what it accepts. */
const annotationKeywords = new Set(['title', 'description', 'examples', 'example', '$comment', 'deprecated', 'readOnly', 'writeOnly']);

/**
 * Deep copy of a set of schemas without annotation keywords, so compiled validators do not embed
 * the documentation. Property names inside `properties` are kept even when they look like keywords;
 * pass `inProperties: true` for a map of names to schemas (such as `components.schemas`).
 */
export function withoutAnnotations(value: unknown, inProperties = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutAnnotations(item));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!inProperties && annotationKeywords.has(key)) continue;
    // Instance values are data, not schemas: copy them as they are.
    if (!inProperties && (key === 'const' || key === 'enum' || key === 'default')) {
      copy[key] = structuredClone(child);
      continue;
    }
    copy[key] = withoutAnnotations(child, !inProperties && (key === 'properties' || key === '$defs' || key === 'patternProperties'));
  }
  return copy;
}
