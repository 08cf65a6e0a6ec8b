// Redocly's Ajv fork, set up as `redocly lint` (no-invalid-media-type-examples with its default
// allowAdditionalProperties: false) and `redocly respect` set it up: every subschema with
// `properties` that is not a direct allOf member gets `unevaluatedProperties: false`.
import Ajv2020Redocly from '@redocly/ajv/dist/2020.js';
import { toJsonSchemaDocument, schemasId, type BundledSpec } from '../../scripts/lib/spec-schemas.ts';

export function redoclyValidatorOf(spec: BundledSpec): (schemaName: string) => (body: unknown) => { valid: boolean; errors: unknown } {
  const RedoclyAjv = (Ajv2020Redocly as unknown as { default: new (options: object) => any }).default ?? Ajv2020Redocly;
  const ajv = new RedoclyAjv({ allErrors: true, strictSchema: false, inlineRefs: false, discriminator: true, allowUnionTypes: true, validateFormats: false, defaultUnevaluatedProperties: false, logger: false });
  ajv.addSchema(toJsonSchemaDocument(spec));
  return (schemaName) => {
    const validate = ajv.getSchema(`${schemasId}#/$defs/${schemaName}`);
    if (!validate) throw new Error(`No component schema named ${schemaName}`);
    return (body) => ({ valid: validate(body) === true, errors: validate.errors });
  };
}
