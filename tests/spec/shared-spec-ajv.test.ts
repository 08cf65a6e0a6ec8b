// Contract and fuzz runs share the compiled Ajv of a spec of the same text; a changed spec gets
// an Ajv of its own, and only the last few are kept.
import { describe, expect, test } from 'vitest';
import { sharedSpecAjv, sharedSpecAjvLimit } from '../../packages/tools/src/spec/shared-spec-ajv.ts';
import { loadBundledSpec, schemaValidator } from '../../packages/tools/src/spec/spec-schemas.ts';

/** The bundled spec with another title: the same schemas, another text. */
const specTitled = (title: string) => {
  const spec = loadBundledSpec();
  (spec.info as { title: string }).title = title;
  return spec;
};

describe('sharedSpecAjv', () => {
  test('one Ajv for specs of the same text, another for a changed spec', () => {
    const ajv = sharedSpecAjv(loadBundledSpec());
    expect(sharedSpecAjv(loadBundledSpec())).toBe(ajv);
    expect(sharedSpecAjv(specTitled('changed'))).not.toBe(ajv);
    expect(schemaValidator(ajv, 'OffRampRequest')({})).toBe(false);
  });

  test(`keeps the Ajvs of the last ${sharedSpecAjvLimit} specs, the least recently used leaving first`, () => {
    const specs = Array.from({ length: sharedSpecAjvLimit + 1 }, (_, index) => specTitled(`spec ${index}`));
    const [first, second] = specs.slice(0, sharedSpecAjvLimit).map((spec) => sharedSpecAjv(spec));
    // Used again, the first is now the most recent: one spec more pushes out the second instead.
    expect(sharedSpecAjv(specs[0]!)).toBe(first);
    sharedSpecAjv(specs[sharedSpecAjvLimit]!);
    expect(sharedSpecAjv(specs[0]!)).toBe(first);
    expect(sharedSpecAjv(specs[1]!)).not.toBe(second);
  });
});
