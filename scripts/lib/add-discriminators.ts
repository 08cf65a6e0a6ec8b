import { eachOneOf } from './each-one-of.ts';

type Schema = {
  $ref?: string;
  type?: unknown;
  oneOf?: Schema[];
  required?: string[];
  properties?: Record<string, Schema | boolean>;
  const?: unknown;
  enum?: unknown[];
  discriminator?: unknown;
  [key: string]: unknown;
};

/**
 * For validators compiled from the spec (never for the spec itself): marks each `oneOf` whose
 * branches all require one property with a `const` or `enum` value (e.g. bank details by
 * `country`, account holders by `type`) with Ajv's `discriminator` keyword. Validation is the same,
 * since such branches are disjoint, but Ajv then checks only the branch the value names and reports
 * that branch's errors, instead of every branch's.
 *
 * `schemas` is a map of component name to schema whose `$ref`s end with `/<name>`; changed in place.
 */
export function addDiscriminators(schemas: Record<string, Schema>): void {
  eachOneOf(schemas, (schema, branches, resolve) => {
    if (schema.discriminator) return;
    // Ajv reads the tag's const/enum directly, so a tag given by $ref is inlined first.
    const tagSchema = (branch: Schema, name: string) => {
      const property = branch.properties?.[name];
      return typeof property === 'object' ? resolve(property) : undefined;
    };
    const tag = branches[0]?.required?.find((name) =>
      branches.every((branch) => {
        const property = tagSchema(branch, name);
        return branch.required?.includes(name) && property !== undefined && ('const' in property || Array.isArray(property.enum));
      }),
    );
    if (tag) {
      for (const branch of branches) branch.properties![tag] = structuredClone(tagSchema(branch, tag)!);
      schema.discriminator = { propertyName: tag };
      // Ajv's discriminator lets a non-object through; the oneOf it replaces would not.
      if (branches.every((branch) => branch.type === 'object')) schema.type = 'object';
    }
  });
}
