// Forms every tool reads alike (issue 10): no `$ref` with sibling assertions or applicators (tools
// that resolve $ref the OpenAPI 3.0 way drop them), and no `unevaluatedProperties: false` (stock
// Ajv lets prototype names such as `valueOf` through it; and `unevaluatedProperties: true`, which
// keeps partial subschemas open to Redocly's Ajv, would then open it).
import { describe, expect, test } from 'vitest';
import { spec } from '../support/spec.ts';

const annotations = new Set(['$ref', 'description', 'title', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly', 'summary']);

function offending(node: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) offending(item, `${path}/${index}`, found);
  } else if (node !== null && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (typeof schema.$ref === 'string') {
      const siblings = Object.keys(schema).filter((key) => !annotations.has(key) && !key.startsWith('x-'));
      if (siblings.length > 0) found.push(`${path}: $ref beside ${siblings.join(', ')}`);
    }
    if (schema.unevaluatedProperties === false) found.push(`${path}: unevaluatedProperties: false`);
    for (const [key, value] of Object.entries(schema)) offending(value, `${path}/${key}`, found);
  }
  return found;
}

describe('portable schema forms', () => {
  test('no $ref has meaningful siblings and no schema says unevaluatedProperties: false', () => {
    expect(offending(spec, '#', [])).toEqual([]);
  });
});
