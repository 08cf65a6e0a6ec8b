// Shared by the spec tests: the bundled spec, one Ajv that knows its schemas, the scenarios and
// example lookups.
import { createSpecAjv, loadBundledSpec, schemaValidator } from '../../packages/tools/src/spec/spec-schemas.ts';
import { contractScenarios, type Scenario } from '../../packages/tools/src/contract/scenarios.ts';
import { offRampPath } from '../../packages/client/generated/protocol.ts';

export const spec = loadBundledSpec();
export const ajv = createSpecAjv(spec);
export const validatorOf = (schemaName: string) => schemaValidator(ajv, schemaName);

export const operation = spec.paths[offRampPath]!.post;

const refName = (ref: { $ref: string }) => ref.$ref.split('/').pop()!;

/** The contract's scenarios (generated/off-ramp.arazzo.yaml with the spec's answers). */
export const scenarios = contractScenarios(spec);

/** Each scenario's request by name: its body (`value`) and the scenario (key fixture, padding, stall). */
export const requestExamples: Record<string, { value: any; scenario: Scenario }> = Object.fromEntries(
  scenarios.map((scenario) => [scenario.name, { value: scenario.requestBody, scenario }]),
);

/** The spec's own request examples of the operation (media-type examples: valid, distinct bodies). */
export const mediaTypeRequestExamples: Record<string, { summary?: string; value: any }> = Object.fromEntries(
  Object.entries<{ $ref: string }>(operation.requestBody.content['application/json'].examples).map(([name, ref]) => [
    name,
    spec.components.examples[refName(ref)]!,
  ]),
);

/** Named response examples of the operation: name -> { status, schema name, value }. */
export const responseExamples: Record<string, { status: number; schemaName: string; value: any }> = Object.fromEntries(
  Object.entries<{ $ref: string }>(operation.responses).flatMap(([status, responseRef]) => {
    const media = spec.components.responses[refName(responseRef)].content['application/json'];
    return Object.entries<{ $ref: string }>(media.examples).map(([name, ref]) => [
      name,
      { status: Number(status), schemaName: refName(media.schema), value: spec.components.examples[refName(ref)]!.value },
    ]);
  }),
);

/** Deep copy, so a test can change a body without touching the shared examples. */
export const clone = <T>(value: T): T => structuredClone(value);

/** Whether `body` is valid against a component schema (a plain boolean: no type narrowing). */
export const passes = (schemaName: string, body: unknown): boolean => validatorOf(schemaName)(body) === true;
