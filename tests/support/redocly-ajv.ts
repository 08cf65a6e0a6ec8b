// Redocly's Ajv fork, the one `redocly lint` and `redocly respect` load (resolved through
// @redocly/cli -> @redocly/openapi-core), set up as openapi-core's rules/ajv.js sets it up, with
// no-invalid-media-type-examples' default allowAdditionalProperties: false. That default closes
// every subschema with `properties` that is not a direct allOf member.
import { createRequire } from 'node:module';
import { schemasId, toJsonSchemaDocument, type BundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';

const fromCli = createRequire(createRequire(import.meta.url).resolve('@redocly/cli/package.json'));
const fromCore = createRequire(fromCli.resolve('@redocly/openapi-core/package.json'));
const RedoclyAjv2020 = fromCore('@redocly/ajv/dist/2020').default as new (
  options: object,
) => {
  addSchema(schema: object): void;
  getSchema(id: string): ((data: unknown) => boolean) & { errors?: unknown };
};

/** A verdict function (with Redocly's errors) per component schema of the spec. */
export function redoclyValidatorOf(spec: BundledSpec): (schemaName: string) => (body: unknown) => { valid: boolean; errors: unknown } {
  const ajv = new RedoclyAjv2020({
    schemaId: '$id',
    meta: true,
    allErrors: true,
    strictSchema: false,
    inlineRefs: false,
    validateSchema: false,
    discriminator: true,
    allowUnionTypes: true,
    validateFormats: false,
    defaultUnevaluatedProperties: false,
    logger: false,
  });
  ajv.addSchema(toJsonSchemaDocument(spec));
  return (schemaName) => {
    const validate = ajv.getSchema(`${schemasId}#/$defs/${schemaName}`);
    if (!validate) throw new Error(`No component schema named ${schemaName} in the spec`);
    return (body) => ({ valid: validate(body) === true, errors: validate.errors });
  };
}
