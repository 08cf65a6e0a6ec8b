// @hyperjump/json-schema, an implementation of JSON Schema 2020-12 independent of Ajv, set up to
// assert formats (uuid, date-time): in 2020-12 `format` is an annotation unless asked to assert.
import { registerSchema, setShouldValidateFormat, validate } from '@hyperjump/json-schema/draft-2020-12';
import '@hyperjump/json-schema/formats';
import { schemasId, toJsonSchemaDocument, type BundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';

setShouldValidateFormat(true);
let registered = false;

/** A synchronous verdict function per component schema of the spec, e.g. `await hyperjumpValidators(spec, ['OffRampRequest'])`. */
export async function hyperjumpValidators(spec: BundledSpec, schemaNames: string[]): Promise<Record<string, (body: unknown) => boolean>> {
  if (!registered) registerSchema(toJsonSchemaDocument(spec) as Parameters<typeof registerSchema>[0]);
  registered = true;
  const entries = await Promise.all(
    schemaNames.map(async (name) => {
      const validator = await validate(`${schemasId}#/$defs/${name}`);
      return [name, (body: unknown) => validator(body as never).valid] as const;
    }),
  );
  return Object.fromEntries(entries);
}
