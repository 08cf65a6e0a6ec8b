import type { ValidateFunction } from 'ajv';
import type { Deviation } from './deviation.ts';

// Enough schema errors to locate the fault; a failed oneOf lists one error per branch.
const shownErrors = 6;

/** The body must be valid against the status' response schema of the full 3.1 spec (Ajv 2020-12, formats). */
export function checkResponseSchema(schemaName: string, validate: ValidateFunction, body: unknown): Deviation[] {
  if (validate(body)) return [];
  const errors = (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`,
  );
  const more = errors.length > shownErrors ? `; and ${errors.length - shownErrors} more` : '';
  return [
    { check: 'response-schema', subject: `body against schema ${schemaName}`, expected: 'valid', actual: errors.slice(0, shownErrors).join('; ') + more },
  ];
}
