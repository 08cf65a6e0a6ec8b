// The contract's scenarios, read from the bundled spec: a scenario is a named request example of
// the operation paired with the response example of the same name (and, for an error, the
// catalog row of that name). Adding a scenario to the spec adds it here; nothing is listed twice.
import { errorCatalogFromSpec, type CatalogRow } from '../../scripts/lib/error-catalog.ts';
import type { BundledSpec } from '../../scripts/lib/spec-schemas.ts';

export const operationPath = '/api/partner/v2/off-ramp';

/** Fixture path of the API key a scenario sends when its request example names none. */
export const defaultApiKeyFixture = 'apiKeys.valid';

export interface Scenario {
  name: string;
  /** The request example's summary, for people. */
  summary: string;
  status: number;
  /** Component schema the response body must validate against (`OffRampCreatedResponse`, `BadRequestError`, ...). */
  responseSchema: string;
  /** The request body as written in the spec, with the default fixtures' values. */
  requestBody: unknown;
  /** Fixture path of the `partner-api-key` to send, or `null` to send no header. */
  apiKeyFixture: string | null;
  /** The request example's `x-` extensions, e.g. the transport scenarios' `x-pad-body-to-bytes`. */
  requestExtensions: Record<string, unknown>;
  /** The response example of the same name. */
  responseExample: unknown;
  /** The catalog row the scenario must be answered with; absent for a success scenario. */
  catalogRow?: CatalogRow;
}

const refName = (ref: { $ref: string }) => ref.$ref.split('/').pop()!;

export function scenariosFromSpec(spec: BundledSpec): Scenario[] {
  const operation = spec.paths[operationPath]?.post;
  if (!operation) throw new Error(`The spec has no POST ${operationPath}`);
  const catalog = new Map(errorCatalogFromSpec(spec).map((row) => [row.name, row]));

  const responses = new Map<string, { status: number; responseSchema: string; example: unknown }>();
  for (const [status, responseRef] of Object.entries<{ $ref: string }>(operation.responses)) {
    const media = spec.components.responses[refName(responseRef)].content['application/json'];
    for (const [name, exampleRef] of Object.entries<{ $ref: string }>(media.examples)) {
      responses.set(name, { status: Number(status), responseSchema: refName(media.schema), example: spec.components.examples[refName(exampleRef)]!.value });
    }
  }

  const requestExamples = Object.entries<{ $ref: string }>(operation.requestBody.content['application/json'].examples);
  return requestExamples.map(([name, ref]) => {
    const request = spec.components.examples[refName(ref)]!;
    const response = responses.get(name);
    if (!response) throw new Error(`Request example ${name} has no response example of the same name`);
    const row = catalog.get(name);
    if (response.status >= 400 && !row) throw new Error(`Error scenario ${name} has no catalog row of the same name`);
    const apiKey = request['x-partner-api-key'];
    if (apiKey !== undefined && apiKey !== null && typeof apiKey !== 'string') throw new Error(`x-partner-api-key of ${name} must be a fixture path or null`);
    return {
      name,
      summary: request.summary ?? name,
      status: response.status,
      responseSchema: response.responseSchema,
      requestBody: request.value,
      apiKeyFixture: apiKey === undefined ? defaultApiKeyFixture : apiKey,
      requestExtensions: Object.fromEntries(Object.entries(request).filter(([key]) => key.startsWith('x-'))),
      responseExample: response.example,
      ...(row ? { catalogRow: row } : {}),
    };
  });
}
