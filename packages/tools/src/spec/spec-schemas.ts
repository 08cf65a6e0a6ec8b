import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { bundledSpecPath } from './contract-files.ts';

/** The part of the bundled spec the tools here read. */
export interface BundledSpec {
  openapi: string;
  // biome-ignore lint/suspicious/noExplicitAny: the spec's JSON has no static type.
  paths: Record<string, Record<string, any>>;
  components: {
    schemas: Record<string, unknown>;
    examples: Record<string, { summary?: string; value: unknown; [ext: `x-${string}`]: unknown }>;
    // biome-ignore lint/suspicious/noExplicitAny: the spec's JSON has no static type.
    responses: Record<string, any>;
  };
  [key: string]: unknown;
}

/** `$id` of the JSON Schema document that holds every component schema under `$defs`. */
export const schemasId = 'https://off-ramp.contract/schemas.json';

export function loadBundledSpec(path = bundledSpecPath): BundledSpec {
  return JSON.parse(readFileSync(path, 'utf8')) as BundledSpec;
}

/**
 * The spec's component schemas as one JSON Schema 2020-12 document: OpenAPI 3.1 schemas are
 * 2020-12 already, so only the `$ref` prefix changes (#/components/schemas/X -> #/$defs/X).
 */
export function toJsonSchemaDocument(spec: BundledSpec): Record<string, unknown> {
  const defs = JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'));
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: schemasId, $defs: defs };
}

/** An Ajv (2020-12, all formats, all errors) that knows every component schema of the spec. */
export function createSpecAjv(
  spec: BundledSpec,
  options: {
    code?: { source: boolean; esm: boolean; formats?: import('ajv').CodeOptions['formats'] };
    inlineRefs?: boolean;
    discriminator?: boolean;
    allErrors?: boolean;
  } = {},
): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, ...options });
  addFormats.default(ajv);
  ajv.addSchema(toJsonSchemaDocument(spec));
  return ajv;
}

/** Compiled validator of one component schema, e.g. `schemaValidator(ajv, 'OffRampRequest')`. */
export function schemaValidator(ajv: Ajv2020, name: string): ValidateFunction {
  const validate = ajv.getSchema(`${schemasId}#/$defs/${name}`);
  if (!validate) throw new Error(`No component schema named ${name} in the spec`);
  return validate;
}
