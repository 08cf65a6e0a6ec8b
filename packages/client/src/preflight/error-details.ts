/**
 * The fields of an Ajv error object this module reads. Declared here, not imported from Ajv: the
 * generated standalone validators need no Ajv at run time, so the package does not depend on it.
 */
export interface ValidatorError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** One fault of the request body, as the API reports it in `error.details`. */
export interface OffRampErrorDetail {
  /** JSON Pointer to the faulty value; '' is the whole body. */
  path: string;
  message: string;
}

const escapePointer = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');

// Stryker disable all: the spec fixes where a shape detail points, not its wording (the contract cannot tell these apart).
const shapeMessages = { required: 'is required', notAllowed: 'is not allowed', unknownTag: 'is not one of the supported values' } as const;
// Stryker restore all

/** One Ajv error as a detail: missing and unexpected properties point at the property itself. */
function toDetail(error: ValidatorError): OffRampErrorDetail {
  const params = error.params as Record<string, string>;
  if (error.keyword === 'required') return { path: `${error.instancePath}/${escapePointer(params.missingProperty!)}`, message: shapeMessages.required };
  if (error.keyword === 'unevaluatedProperties')
    return { path: `${error.instancePath}/${escapePointer(params.unevaluatedProperty!)}`, message: shapeMessages.notAllowed };
  if (error.keyword === 'additionalProperties')
    return { path: `${error.instancePath}/${escapePointer(params.additionalProperty!)}`, message: shapeMessages.notAllowed };
  // Unions by country / holder type are compiled with Ajv's `discriminator`: name the tag field.
  if (error.keyword === 'discriminator') {
    return {
      path: `${error.instancePath}/${escapePointer(params.tag!)}`,
      // Stryker disable next-line all: which of the two messages is wording, as above.
      message: params.error === 'tag' ? shapeMessages.required : shapeMessages.unknownTag,
    };
  }
  // Stryker disable next-line LogicalOperator,StringLiteral: wording; Ajv gives every error a message.
  return { path: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
}

/**
 * The details of a failed validation, one per faulty value (the first fault Ajv found there). `if`/`then` wrapper errors
 * ("must match then schema") are dropped: the error inside them names the field. Unions by
 * `country` or `type` report only the named variant's errors (see scripts/lib/add-discriminators.ts).
 */
export function errorDetails(errors: readonly ValidatorError[]): OffRampErrorDetail[] {
  const relevant = errors.filter((e) => e.keyword !== 'if');
  // Unknown names of the body itself come last, after every faulty value, as they did when the
  // request schema closed itself with `unevaluatedProperties` (checked last by every validator).
  // Stryker disable next-line all: the order of the details is not part of the contract.
  const unknownAtTop = (e: ValidatorError) => e.keyword === 'additionalProperties' && e.instancePath === '';
  // Stryker disable next-line MethodExpression: as above, the order.
  return onePerPath([...relevant.filter((e) => !unknownAtTop(e)), ...relevant.filter(unknownAtTop)].map(toDetail));
}

// The spec's ErrorDetail and ErrorBody caps: an answer beyond them would not match the spec.
const maxDetails = 50;
const maxPathLength = 300;

/**
 * A path within the cap. Only an unknown property's own name can make a path this long (the
 * validator does not descend into unknown properties): the detail then points at its object.
 */
function withinPathCap(detail: OffRampErrorDetail): OffRampErrorDetail {
  if (detail.path.length <= maxPathLength) return detail;
  let path = detail.path;
  while (path.length > maxPathLength) path = path.slice(0, path.lastIndexOf('/'));
  // Stryker disable next-line StringLiteral: wording.
  return { path, message: `has a property whose name is longer than ${maxPathLength} characters, which is not allowed` };
}

/** Keeps the first detail of each path, and at most as many details as the spec allows. */
export function onePerPath(details: readonly OffRampErrorDetail[]): OffRampErrorDetail[] {
  const byPath = new Map<string, OffRampErrorDetail>();
  for (const detail of details.map(withinPathCap)) if (!byPath.has(detail.path)) byPath.set(detail.path, detail);
  return [...byPath.values()].slice(0, maxDetails);
}
