// What the generators of test data and the fixtures check read from the spec's component schemas:
// a schema's required properties, enumeration, pattern and documented example values. Read, not copied, so that a
// change to the spec reaches the fuzz runner's bodies.
import type { BundledSpec } from './spec-schemas.ts';

type Schema = { required?: unknown; enum?: unknown; examples?: unknown; pattern?: unknown; $ref?: string; properties?: Record<string, Schema> };

function schemaOf(spec: BundledSpec, name: string): Schema {
  const schemas = spec.components.schemas as Record<string, Schema>;
  let schema = schemas[name];
  while (schema?.$ref) schema = schemas[schema.$ref.split('/').pop()!];
  if (!schema) throw new Error(`The spec has no component schema ${name}`);
  return schema;
}

function stringsOf(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) throw new Error(`${what} is not a list of strings`);
  return value;
}

export const requiredOf = (spec: BundledSpec, name: string): string[] => stringsOf(schemaOf(spec, name).required, `${name}.required`);
export const enumOf = (spec: BundledSpec, name: string): string[] => stringsOf(schemaOf(spec, name).enum, `${name}.enum`);
export const examplesOf = (spec: BundledSpec, name: string): string[] => stringsOf(schemaOf(spec, name).examples, `${name}.examples`);

/** A schema's `pattern`, compiled. */
export function patternOf(spec: BundledSpec, name: string): RegExp {
  const pattern = schemaOf(spec, name).pattern;
  if (typeof pattern !== 'string') throw new Error(`${name}.pattern is not a string`);
  return new RegExp(pattern);
}
